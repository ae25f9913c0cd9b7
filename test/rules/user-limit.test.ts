import { userLimit } from '../../src/rules/user-limit';
import { ruleTester } from './rule-tester';
import { yml } from './yml';

const env = (planned: number, tier = '') => yml`
  ${tier || '# tier from the file name'}
  owners: [{ team: platform }]
  terra: { devId: acme-dev-id-1, apiKey: { fromStackConfig: terraApiKey } }
  providers: {}
  aws: { secretNamePrefix: acme/terra }
  limits:
    plannedUsers: ${planned}
`;

ruleTester(userLimit, {
  valid: [
    { name: 'no plan declared', files: {} },
    { name: 'exactly the limit in staging', files: { 'config/staging.yaml': env(50) } },
    { name: 'production is unlimited', files: { 'config/production.yaml': env(250_000) } },
    { name: 'a custom production-tier environment', files: { 'config/eu-prod.yaml': env(5000, 'tier: production'), 'Pulumi.eu-prod.yaml': 'config: {}\n' } },
  ],
  invalid: [
    { name: 'over the limit in testing', files: { 'config/testing.yaml': env(51) }, errors: [{ ruleId: 'user-limit', line: 7, column: 17 }] },
    { name: 'over the limit in staging', files: { 'config/staging.yaml': env(500) }, errors: [{ ruleId: 'user-limit', line: 7, column: 17 }] },
    {
      name: 'over the limit in a custom staging-tier environment',
      files: { 'config/qa.yaml': env(80, 'tier: staging'), 'Pulumi.qa.yaml': 'config: {}\n' },
      errors: [{ ruleId: 'user-limit', line: 7, column: 17 }],
    },
  ],
});
