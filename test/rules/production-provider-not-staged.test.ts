import { productionProviderNotStaged } from '../../src/rules/production-provider-not-staged';
import { environmentWith } from './fixtures';
import { ruleTester } from './rule-tester';
import { yml } from './yml';

ruleTester(productionProviderNotStaged, {
  valid: [
    { name: 'production providers all staged', files: {} },
    {
      name: 'staged in a custom staging-tier environment',
      files: {
        'config/production.yaml': environmentWith('GARMIN: {}\nPOLAR: {}'),
        'config/qa.yaml': environmentWith('POLAR: {}', { tier: 'staging', devId: 'acme-qa-dev-id' }),
        'Pulumi.qa.yaml': 'config: {}\n',
      },
    },
    { name: 'disabled in production', files: { 'config/production.yaml': environmentWith('GARMIN: {}\nWITHINGS: { enabled: false }') } },
    {
      name: 'only production named: staging was not read, so nothing is claimed',
      files: { 'config/production.yaml': environmentWith('GARMIN: {}\nWITHINGS: {}') },
      only: ['config/production.yaml'],
    },
  ],
  invalid: [
    {
      name: 'enabled in production, not in staging',
      files: { 'config/production.yaml': environmentWith('GARMIN: {}\nWITHINGS: {}') },
      errors: [{ ruleId: 'production-provider-not-staged', line: 12, column: 3 }],
    },
    {
      name: 'disabled in staging does not count as staged',
      files: {
        'config/production.yaml': environmentWith('GARMIN: {}'),
        'config/staging.yaml': environmentWith(yml`
          GARMIN: { enabled: false }
          OURA: {}
        `),
      },
      errors: [{ ruleId: 'production-provider-not-staged', line: 11, column: 3 }],
    },
    {
      name: 'a staging file with a typo is unknown, not empty: its schema error alone, nothing claimed on production',
      files: {
        'config/production.yaml': environmentWith('GARMIN: {}\nWITHINGS: {}'),
        'config/staging.yaml': `descripton: typo\n${environmentWith('GARMIN: {}\nWITHINGS: {}')}`,
      },
      errors: [{ ruleId: 'schema-unknown-key', file: 'config/staging.yaml', line: 1, column: 1 }],
    },
    {
      name: 'an invalid file of no known tier may be a staging one: unknown too',
      files: {
        'config/production.yaml': environmentWith('GARMIN: {}\nWITHINGS: {}'),
        'config/qa.yaml': environmentWith('WITHINGS: {}', { tier: 'stagng', devId: 'acme-qa-dev-id' }),
        'Pulumi.qa.yaml': 'config: {}\n',
      },
      errors: [{ ruleId: 'schema-value', file: 'config/qa.yaml', line: 1, column: 7 }],
    },
    {
      name: 'an invalid testing-tier peer cannot stage anything: production is still checked',
      files: {
        'config/production.yaml': environmentWith('GARMIN: {}\nWITHINGS: {}'),
        'config/testing.yaml': `descripton: typo\n${environmentWith('WITHINGS: {}')}`,
      },
      errors: [
        { ruleId: 'production-provider-not-staged', line: 12, column: 3 },
        { ruleId: 'schema-unknown-key', file: 'config/testing.yaml', line: 1, column: 1 },
      ],
    },
  ],
});
