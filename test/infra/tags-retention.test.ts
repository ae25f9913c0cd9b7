import { describe, expect, it } from 'vitest';
import { recoveryWindowInDays } from '../../src/model/retention';
import { resourceTags } from '../../src/infra/tags';

describe('resourceTags', () => {
  it('has environment, provider, owner and managed-by', () => {
    expect(resourceTags({ environment: 'production', ownerTeams: ['platform', 'security'], provider: 'STRAVA' })).toEqual({
      environment: 'production',
      provider: 'STRAVA',
      owner: 'platform security',
      'managed-by': 'terra-iac',
    });
  });
  it('tags whole-environment resources with provider terra', () => {
    expect(resourceTags({ environment: 'testing', ownerTeams: ['platform'] }).provider).toBe('terra');
  });
  it('replaces characters AWS refuses in tag values and keeps them within 256 characters', () => {
    const tags = resourceTags({ environment: 'testing', ownerTeams: ['r&d, "core"', 'x'.repeat(300)] });
    expect(tags.owner).toMatch(/^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u);
    expect(tags.owner!.length).toBe(256);
    expect(tags.owner!.startsWith('r_d_ _core_ ')).toBe(true);
  });
});

describe('recoveryWindowInDays', () => {
  it('is 30 days in production and 7 elsewhere unless declared', () => {
    expect(recoveryWindowInDays('production', undefined)).toBe(30);
    expect(recoveryWindowInDays('staging', undefined)).toBe(7);
    expect(recoveryWindowInDays('testing', undefined)).toBe(7);
    expect(recoveryWindowInDays(undefined, undefined)).toBe(7);
  });
  it('takes the declared value over the default', () => {
    expect(recoveryWindowInDays('production', 14)).toBe(14);
    expect(recoveryWindowInDays('testing', 30)).toBe(30);
  });
});
