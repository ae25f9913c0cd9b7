import { webhookUrlCredentials } from '../../src/rules/webhook-url-credentials';
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

const PASSWORD = 'PASSWORDxyz';
const TOKEN = 'Tq7LmN3vR7tXw2Yk9Pb4Hc6Jd1Fg5Ks0';

ruleTester(webhookUrlCredentials, {
  valid: [
    { name: 'the baseline', files: {} },
    { name: 'a plain https URL with a port and path', files: { 'config/staging.yaml': env('https://hooks.acme.example:8443/terra/events') } },
    { name: 'query parameters that are not secrets', files: { 'config/staging.yaml': env('https://hooks.acme.example/terra?env=staging&v=2&source=terra') } },
    { name: 'an id that is a slug, not a token', files: { 'config/staging.yaml': env('https://hooks.acme.example/terra?tenant=acme-health-staging-eu') } },
  ],
  invalid: [
    {
      name: 'user and password before the host',
      files: { 'config/staging.yaml': env(`https://ops:${PASSWORD}@hooks.acme.example/terra`) },
      errors: [{ ruleId: 'webhook-url-credentials', line: 7, column: 8, sensitive: true }],
      secrets: [PASSWORD, 'ops:'],
    },
    {
      name: 'a user name alone',
      files: { 'config/staging.yaml': env('https://deploybot@hooks.acme.example/terra') },
      errors: [{ ruleId: 'webhook-url-credentials', line: 7, column: 8, sensitive: true }],
      secrets: ['deploybot'],
    },
    {
      name: 'a token in the query',
      files: { 'config/staging.yaml': env(`https://hooks.acme.example/terra?token=${TOKEN}`) },
      errors: [{ ruleId: 'webhook-url-credentials', line: 7, column: 8, sensitive: true }],
      secrets: [TOKEN],
    },
    {
      name: 'a keyword-and-entropy value under a credential-like name',
      files: { 'config/staging.yaml': env('https://hooks.acme.example/terra?env=staging&access_key=k9Xr2mQ7vLp4') },
      errors: [{ ruleId: 'webhook-url-credentials', line: 7, column: 8, sensitive: true }],
      secrets: ['k9Xr2mQ7vLp4'],
    },
    {
      name: 'both, as the red-team report wrote it',
      files: { 'config/staging.yaml': env(`https://ops:${PASSWORD}@hooks.acme.example/path?token=${TOKEN}`) },
      errors: [{ ruleId: 'webhook-url-credentials', line: 7, column: 8, sensitive: true }],
      secrets: [PASSWORD, TOKEN],
    },
  ],
});
