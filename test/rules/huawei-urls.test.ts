import { huaweiUrls } from '../../src/rules/huawei-urls';
import { environmentWith, type HeaderOptions } from './fixtures';
import { ruleTester } from './rule-tester';
import { yml } from './yml';

const NEW = 'https://access.tryterra.co';
const OLD = 'https://api.tryterra.co';

const huawei = (urls: { redirect: string; access: string; callback: string }, header: HeaderOptions = {}) =>
  environmentWith(
    yml`
      HUAWEI:
        dedicatedKeys:
          clientId: "108563291"
          clientSecret: { fromStackConfig: huaweiClientSecret }
          redirectUrl: ${urls.redirect}
          appAccessUrl: ${urls.access}
          healthKitCallbackUrl: ${urls.callback}
    `,
    header,
  );

const current = { redirect: `${NEW}/api/v2/auth/huawei/oauth2`, access: `${NEW}/`, callback: `${NEW}/api/v2/hooks/huawei/healthkit/notifications` };
const legacy = { redirect: `${OLD}/v2/auth/huawei/oauth2`, access: `${OLD}/`, callback: `${OLD}/v2/hooks/huawei/healthkit/notifications` };

ruleTester(huaweiUrls, {
  valid: [
    { name: 'current host URLs on a current dev-id', files: { 'config/staging.yaml': huawei(current) } },
    { name: 'documented legacy URLs on the default host', files: { 'config/staging.yaml': huawei(legacy, { apiBaseUrl: null }) } },
    { name: 'app access URL without the trailing slash', files: { 'config/staging.yaml': huawei({ ...current, access: NEW }) } },
    { name: 'either host\'s URLs with a mock API base URL', files: { 'config/testing.yaml': huawei(legacy, { apiBaseUrl: 'http://127.0.0.1:4010/v2' }) } },
  ],
  invalid: [
    {
      name: 'a wrong redirect path and a foreign callback host',
      files: {
        'config/staging.yaml': huawei({ ...current, redirect: `${NEW}/api/v2/auth/huawei`, callback: 'https://hooks.acme.example/huawei' }),
      },
      errors: [
        { ruleId: 'huawei-urls', line: 15, column: 20 },
        { ruleId: 'huawei-urls', line: 17, column: 29 },
      ],
    },
    {
      name: 'legacy-host URLs on a current dev-id only warn',
      files: { 'config/production.yaml': huawei(legacy) },
      errors: [
        { ruleId: 'huawei-urls', line: 15, column: 20, severity: 'warning' },
        { ruleId: 'huawei-urls', line: 16, column: 21, severity: 'warning' },
        { ruleId: 'huawei-urls', line: 17, column: 29, severity: 'warning' },
      ],
    },
    {
      name: 'a made-up URL with a mock API base URL',
      files: { 'config/testing.yaml': huawei({ ...legacy, access: 'https://huawei.acme.example/' }, { apiBaseUrl: 'http://127.0.0.1:4010/v2' }) },
      errors: [{ ruleId: 'huawei-urls', line: 16, column: 21 }],
    },
  ],
});
