import { adminBaseUrl } from '../../src/rules/admin-base-url';
import { ruleTester } from './rule-tester';
import { yml } from './yml';

const env = (url: string) => yml`
  owners:
    - team: platform
  terra:
    devId: acme-staging-dev-id
    apiKey: { fromStackConfig: terraApiKey }
    admin:
      baseUrl: ${url}
  providers: {}
  aws:
    secretNamePrefix: acme/terra
`;

ruleTester(adminBaseUrl, {
  valid: [
    { name: 'the baseline', files: {} },
    { name: 'https with the admin path', files: { 'config/staging.yaml': env('https://admin.terra.example/api/v3/admin') } },
    { name: 'a trailing slash', files: { 'config/staging.yaml': env('https://admin.terra.example/api/v3/admin/') } },
    { name: 'plain http to a loopback test server', files: { 'config/staging.yaml': env('http://127.0.0.1:8787/api/v3/admin') } },
    {
      name: 'admin settings without a URL',
      files: {
        'config/staging.yaml': yml`
          owners: [{ team: platform }]
          terra: { devId: acme-staging-dev-id, apiKey: { fromStackConfig: terraApiKey }, admin: { undeclaredProviders: keep } }
          providers: {}
          aws: { secretNamePrefix: acme/terra }
        `,
      },
    },
  ],
  invalid: [
    {
      name: 'plain http to a public host',
      files: { 'config/staging.yaml': env('http://admin.terra.example/api/v3/admin') },
      errors: [{ ruleId: 'admin-base-url', line: 7, column: 14 }],
    },
    {
      name: 'no admin path',
      files: { 'config/staging.yaml': env('https://admin.terra.example') },
      errors: [{ ruleId: 'admin-base-url', line: 7, column: 14, severity: 'warning' }],
    },
    {
      name: 'both',
      files: { 'config/production.yaml': env('http://admin.terra.example/v3') },
      errors: [
        { ruleId: 'admin-base-url', line: 7, column: 14, severity: 'warning' },
        { ruleId: 'admin-base-url', line: 7, column: 14 },
      ],
    },
  ],
});
