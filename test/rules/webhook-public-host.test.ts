import { webhookPublicHost } from '../../src/rules/webhook-public-host';
import { ruleTester, type InvalidCase } from './rule-tester';
import { yml } from './yml';

const env = (url: string, tier = '') => yml`
  ${tier || '# tier from the file name'}
  owners:
    - team: platform
  terra:
    devId: acme-dev-id-1
    apiKey: { fromStackConfig: terraApiKey }
  webhook:
    url: ${url}
    signingSecret: { fromStackConfig: terraWebhookSigningSecret }
  providers: {}
  aws:
    secretNamePrefix: acme/terra
`;

const blocked = (url: string): InvalidCase => ({
  name: `${url} in production`,
  files: { 'config/production.yaml': env(url) },
  errors: [{ ruleId: 'webhook-public-host', line: 8, column: 8 }],
});

ruleTester(webhookPublicHost, {
  valid: [
    { name: 'the baseline', files: {} },
    { name: 'a public IPv4 address', files: { 'config/production.yaml': env('https://203.0.113.10/terra') } },
    { name: 'a public name that merely contains "local"', files: { 'config/production.yaml': env('https://localhost-proxy.acme.example/terra') } },
    { name: 'a public IPv6 address', files: { 'config/staging.yaml': env('https://[2001:db8::1]/terra') } },
  ],
  invalid: [
    blocked('https://localhost:3000/terra'),
    blocked('https://127.0.0.1/terra'),
    blocked('https://0x7f.1/terra'),
    blocked('https://10.1.2.3/terra'),
    blocked('https://172.20.0.5/terra'),
    blocked('https://192.168.1.20/terra'),
    blocked('https://169.254.169.254/latest'),
    blocked('https://100.64.0.1/terra'),
    blocked('https://0.0.0.0/terra'),
    blocked('https://[::1]/terra'),
    blocked('https://[fd00::5]/terra'),
    blocked('https://[fe80::1]/terra'),
    blocked('https://[::ffff:192.168.0.1]/terra'),
    blocked('https://receiver.local/terra'),
    blocked('https://hooks.svc.internal/terra'),
    blocked('https://receiver/terra'),
    blocked('https://ab12-34-56.ngrok-free.app/terra'),
    blocked('https://quiet-river.trycloudflare.com/terra'),
    blocked('https://acme.loca.lt/terra'),
    blocked('https://webhook.site/0b5f-1234'),
    {
      name: 'a tunnel in staging',
      files: { 'config/staging.yaml': env('https://acme.ngrok.io/terra') },
      errors: [{ ruleId: 'webhook-public-host', line: 8, column: 8 }],
    },
    {
      name: 'a tunnel in a custom environment without tier (treated as strict)',
      files: { 'config/demo.yaml': env('https://acme.ngrok.io/terra'), 'Pulumi.demo.yaml': 'config: {}\n' },
      errors: [{ ruleId: 'webhook-public-host', line: 8, column: 8 }],
    },
    {
      name: 'a tunnel in the testing tier is only info',
      files: { 'config/testing.yaml': env('https://acme.ngrok.io/terra') },
      errors: [{ ruleId: 'webhook-public-host', line: 8, column: 8, severity: 'info' }],
    },
    {
      name: 'localhost in a custom environment declared testing is only info',
      files: { 'config/dev.yaml': env('https://localhost:8443/terra', 'tier: testing'), 'Pulumi.dev.yaml': 'config: {}\n' },
      errors: [{ ruleId: 'webhook-public-host', line: 8, column: 8, severity: 'info' }],
    },
  ],
});
