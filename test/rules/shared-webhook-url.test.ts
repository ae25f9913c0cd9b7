import { sharedWebhookUrl } from '../../src/rules/shared-webhook-url';
import { ruleTester } from './rule-tester';
import { yml } from './yml';

const env = (name: string, url: string) => yml`
  owners: [{ team: platform }]
  terra: { devId: acme-${name}-dev-id, apiKey: { fromStackConfig: terraApiKey } }
  webhook:
    url: ${url}
    signingSecret: { fromStackConfig: terraWebhookSigningSecret }
  providers: {}
  aws: { secretNamePrefix: acme/terra }
`;

ruleTester(sharedWebhookUrl, {
  valid: [
    { name: 'a URL per environment', files: {} },
    { name: 'same host, different paths', files: { 'config/staging.yaml': env('staging', 'https://hooks.acme.example/terra/production/next') } },
  ],
  invalid: [
    {
      name: 'staging posts to the production receiver',
      files: { 'config/staging.yaml': env('staging', 'https://HOOKS.acme.example/terra/production/') },
      errors: [{ ruleId: 'shared-webhook-url', line: 4, column: 8 }],
    },
    {
      name: 'all three share one URL',
      files: {
        'config/testing.yaml': env('testing', 'https://hooks.acme.example/terra'),
        'config/staging.yaml': env('staging', 'https://hooks.acme.example/terra'),
        'config/production.yaml': env('production', 'https://hooks.acme.example/terra'),
      },
      errors: [
        { ruleId: 'shared-webhook-url', file: 'config/staging.yaml', line: 4, column: 8 },
        { ruleId: 'shared-webhook-url', file: 'config/testing.yaml', line: 4, column: 8 },
      ],
    },
  ],
});
