import { describe, expect, it } from 'vitest';
import { adminCode, adminSources, fromAdminCode, isAdminSource, sameAdminCode } from '../../src/catalog/admin-codes';
import { PROVIDERS } from '../../src/catalog/providers';

describe('admin API provider codes', () => {
  it('are the catalog codes in lower case, as admin-api.yaml spells them (garmin, oura)', () => {
    expect(adminCode('GARMIN')).toBe('garmin');
    expect(adminCode('OURA')).toBe('oura');
    expect(adminCode('DEXCOM_EU')).toBe('dexcom_eu');
  });

  it('take an override where one is known, in both directions', () => {
    const overrides = { EIGHTSLEEP: 'eight' };
    expect(adminCode('EIGHTSLEEP', overrides)).toBe('eight');
    expect(adminCode('eightsleep', overrides)).toBe('eight');
    expect(fromAdminCode('EIGHT', overrides)).toBe('EIGHTSLEEP');
    expect(fromAdminCode('garmin', overrides)).toBe('GARMIN');
  });

  it('are compared case-insensitively, and unknown codes map to nothing', () => {
    expect(sameAdminCode('Garmin', 'GARMIN')).toBe(true);
    expect(sameAdminCode('garmin', 'oura')).toBe(false);
    expect(fromAdminCode('Dexcom_EU')).toBe('DEXCOM_EU');
    expect(fromAdminCode('lab_reports')).toBeUndefined();
  });

  it('exist only for web providers: mobile-SDK providers are not admin sources', () => {
    for (const code of ['APPLE', 'SAMSUNG', 'GOOGLEFIT', 'FREESTYLELIBRESDK', 'HEALTH_CONNECT', 'WEAROS']) expect(isAdminSource(code), code).toBe(false);
    expect(isAdminSource('GARMIN')).toBe(true);
    expect(isAdminSource('apple')).toBe(false);
    // A code the catalog does not know is left for Terra to judge.
    expect(isAdminSource('NEWPROVIDER')).toBe(true);
    const sources = adminSources();
    expect(sources).toContainEqual({ code: 'GARMIN', adminCode: 'garmin' });
    expect(sources.map((s) => s.code)).not.toContain('APPLE');
    expect(sources).toHaveLength(PROVIDERS.filter((p) => p.surface === 'web').length);
    // Every admin code maps back to its own catalog entry.
    for (const { code, adminCode: admin } of sources) expect(fromAdminCode(admin)).toBe(code);
  });
});
