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
      name: 'UNCONFIRMED codes only warn',
      files: {
        'config/production.yaml': environmentWith(yml`
          WHOOP: {}
          HEALTH_CONNECT: {}
        `),
      },
      errors: [
        { ruleId: 'provider-unknown', line: 11, column: 3, severity: 'warning' },
        { ruleId: 'provider-unknown', line: 12, column: 3, severity: 'warning' },
      ],
    },
  ],
});

describe('provider-unknown hints', () => {
  it('suggests the closest documented code', () => {
    const { diagnostics } = runCase({ name: 'typos', files: { 'config/staging.yaml': environmentWith('GARMNI: {}\nfitbit: {}\nZZZZZZZZ: {}') } }, [providerUnknown]);
    expect(diagnostics.map((d) => d.hint)).toEqual([
      'did you mean `GARMIN`?',
      'did you mean `FITBIT`?',
      expect.stringContaining('GET /integrations'),
    ]);
  });
});
