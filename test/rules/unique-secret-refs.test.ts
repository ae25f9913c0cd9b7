import { uniqueSecretRefs } from '../../src/rules/unique-secret-refs';
import { ruleTester } from './rule-tester';
import { yml } from './yml';

const env = (name: string, apiKeyRef: string, signingRef = `{ fromEnv: TERRA_WEBHOOK_SECRET_${name.toUpperCase()} }`) => yml`
  owners: [{ team: platform }]
  terra:
    devId: acme-${name}-dev-id
    apiKey: ${apiKeyRef}
  webhook:
    url: https://hooks.acme.example/terra/${name}
    signingSecret: ${signingRef}
  providers: {}
  aws: { secretNamePrefix: acme/terra }
`;

ruleTester(uniqueSecretRefs, {
  valid: [
    { name: 'the same stack config key in every environment (one per stack)', files: {} },
    {
      name: 'environment variables of their own',
      files: {
        'config/testing.yaml': env('testing', '{ fromEnv: TERRA_API_KEY_TESTING }'),
        'config/staging.yaml': env('staging', '{ fromEnv: TERRA_API_KEY_STAGING }'),
      },
    },
  ],
  invalid: [
    {
      name: 'testing and staging read one variable',
      files: {
        'config/testing.yaml': env('testing', '{ fromEnv: TERRA_API_KEY }'),
        'config/staging.yaml': env('staging', '{ fromEnv: TERRA_API_KEY }'),
      },
      errors: [{ ruleId: 'unique-secret-refs', file: 'config/testing.yaml', line: 4, column: 22 }],
    },
    {
      name: 'a variable shared across environments and fields',
      files: {
        'config/production.yaml': env('production', '{ fromEnv: TERRA_API_KEY_PRODUCTION }', '{ fromEnv: TERRA_API_KEY_STAGING }'),
        'config/staging.yaml': env('staging', '{ fromEnv: TERRA_API_KEY_STAGING }'),
      },
      errors: [{ ruleId: 'unique-secret-refs', file: 'config/staging.yaml', line: 4, column: 22 }],
    },
  ],
});
