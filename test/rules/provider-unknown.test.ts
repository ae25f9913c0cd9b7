import { providerUnknown } from '../../src/rules/provider-unknown';
import { environmentWith } from './fixtures';
import { describe, expect, it } from 'vitest';
import { ruleTester, runCase } from './rule-tester';
import { yml } from './yml';

ruleTester(providerUnknown, {
  valid: [
    { name: 'the baseline', files: {} },
    {
      name: 'documented codes, web and mobile',
      files: {
        'config/staging.yaml': environmentWith(yml`
          GARMIN: {}
          DEXCOM_EU: { enabled: false }
          APPLE: {}
          FREESTYLELIBRESDK: {}
        `),
      },
    },
  ],
  invalid: [
    {
      name: 'a typo gets a did-you-mean',
      files: {
        'config/staging.yaml': environmentWith(yml`
          GARMIN: {}
          GARMNI: {}
          fitbit: {}
        `),
      },
      errors: [
        { ruleId: 'provider-unknown', line: 12, column: 3 },
        { ruleId: 'provider-unknown', line: 13, column: 3 },
      ],
    },
    {
      name: 'a made-up code, even when disabled',
      files: { 'config/testing.yaml': environmentWith('MYFITNESSPAL: { enabled: false }') },
      errors: [{ ruleId: 'provider-unknown', line: 11, column: 3 }],
    },
    {
      name: 'UNCONFIRMED codes seen only in older or third-party material warn, in every environment',
      files: {
        'config/production.yaml': environmentWith(yml`
          VELOHERO: {}
          HEALTH_CONNECT: {}
        `),
        'config/staging.yaml': environmentWith('VELOHERO: { enabled: false }'),
      },
      errors: [
        { ruleId: 'provider-unknown', line: 11, column: 3, severity: 'warning' },
        { ruleId: 'provider-unknown', line: 12, column: 3, severity: 'warning' },
        { ruleId: 'provider-unknown', file: 'config/staging.yaml', line: 11, column: 3, severity: 'warning' },
      ],
    },
    {
      name: 'an UNCONFIRMED code Terra\'s own docs use is noted once per run, as info, at the first environment declaring it',
      files: {
        'config/production.yaml': environmentWith(yml`
          GARMIN: {}
          WHOOP: {}
        `),
        'config/staging.yaml': environmentWith('WHOOP: {}'),
        'config/testing.yaml': environmentWith('WHOOP: { enabled: false }'),
      },
      errors: [{ ruleId: 'provider-unknown', line: 12, column: 3, severity: 'info' }],
    },
  ],
});

describe('provider-unknown hints', () => {
  it('says how to confirm a code Terra\'s docs use, against the live list, and which page uses it', () => {
    const files = { 'config/production.yaml': environmentWith('WHOOP: {}'), 'config/staging.yaml': environmentWith('WHOOP: {}') };
    const { diagnostics } = runCase({ name: 'named in docs', files }, [providerUnknown]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.message).toContain('UNCONFIRMED');
    expect(diagnostics[0]!.message).toContain('`terra-iac smoke --env production` (check providers.known)');
    expect(diagnostics[0]!.message).toContain('`terra-iac drift --env production`');
    expect(diagnostics[0]!.hint).toMatch(/^the Terra page that uses it: https:\/\/docs\.tryterra\.co\//);
  });

  it('only the environments in the run count: validate --env staging notes it in staging', () => {
    const files = { 'config/production.yaml': environmentWith('WHOOP: {}'), 'config/staging.yaml': environmentWith('WHOOP: {}') };
    const { diagnostics } = runCase({ name: 'one file', files, only: ['config/staging.yaml'] }, [providerUnknown]);
    expect(diagnostics.map((d) => [d.file, d.severity])).toEqual([['config/staging.yaml', 'info']]);
  });

  it('a broken file before the first declaring one hides the note rather than move it', () => {
    const files = { 'config/production.yaml': 'descripton: a typo\n' + environmentWith('WHOOP: {}'), 'config/staging.yaml': environmentWith('WHOOP: {}') };
    const { diagnostics } = runCase({ name: 'broken production', files }, [providerUnknown]);
    expect(diagnostics.filter((d) => d.ruleId === 'provider-unknown')).toEqual([]);
  });

  it('suggests the closest documented code', () => {
    const { diagnostics } = runCase({ name: 'typos', files: { 'config/staging.yaml': environmentWith('GARMNI: {}\nfitbit: {}\nZZZZZZZZ: {}') } }, [providerUnknown]);
    expect(diagnostics.map((d) => d.hint)).toEqual([
      'did you mean `GARMIN`?',
      'did you mean `FITBIT`?',
      expect.stringContaining('GET /integrations'),
    ]);
  });
});
