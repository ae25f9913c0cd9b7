import { webhookHttps } from '../../src/rules/webhook-https';
import { ruleTester } from './rule-tester';
import { yml } from './yml';

const env = (url: string) => yml`
  owners:
    - team: platform
  terra:
    devId: acme-staging-dev-id
    apiKey: { fromStackConfig: terraApiKey }
  webhook:
    url: ${url}
    signingSecret: { fromStackConfig: terraWebhookSigningSecret }
  providers: {}
  aws:
    secretNamePrefix: acme/terra
`;

ruleTester(webhookHttps, {
  valid: [
    { name: 'the baseline', files: {} },
    { name: 'https with a port and path', files: { 'config/staging.yaml': env('https://hooks.acme.example:8443/terra') } },
    {
      name: 'no webhook at all',
      files: {
        'config/staging.yaml': yml`
          owners: [{ team: platform }]
          terra: { devId: acme-staging-dev-id, apiKey: { fromStackConfig: terraApiKey } }
          providers: {}
          aws: { secretNamePrefix: acme/terra }
        `,
      },
    },
  ],
  invalid: [
    { name: 'plain http', files: { 'config/staging.yaml': env('http://hooks.acme.example/terra') }, errors: [{ ruleId: 'webhook-https', line: 7, column: 8 }] },
    { name: 'plain http in testing too', files: { 'config/testing.yaml': env('http://hooks.acme.example/terra') }, errors: [{ ruleId: 'webhook-https', line: 7, column: 8 }] },
  ],
});
