import { googleProductionVerified } from '../../src/rules/google-production-verified';
import { environmentWith, type HeaderOptions } from './fixtures';
import { ruleTester } from './rule-tester';
import { yml } from './yml';

const google = (verification: string, extra = '', header: HeaderOptions = {}) =>
  environmentWith(
    yml`
      GOOGLE:
        ${extra || '# enabled'}
        dedicatedKeys:
          clientId: 40211-production.apps.googleusercontent.com
          clientSecret: { fromStackConfig: googleClientSecret }
          scopes: [userinfo.profile, calendar.settings.readonly]
          appVerification: ${verification}
    `,
    header,
  );

ruleTester(googleProductionVerified, {
  valid: [
    { name: 'a verified app in production', files: { 'config/production.yaml': google('verified') } },
    { name: 'an app in review in staging', files: { 'config/staging.yaml': google('in-review') } },
    { name: 'a disabled provider', files: { 'config/production.yaml': google('unverified', 'enabled: false') } },
  ],
  invalid: [
    {
      name: 'an app still in review in production',
      files: { 'config/production.yaml': google('in-review') },
      errors: [{ ruleId: 'google-production-verified', line: 17, column: 24 }],
    },
    {
      name: 'an unverified app in a custom production-tier environment',
      files: { 'config/eu-prod.yaml': google('unverified', '', { tier: 'production' }), 'Pulumi.eu-prod.yaml': 'config: {}\n' },
      errors: [{ ruleId: 'google-production-verified', line: 17, column: 24 }],
    },
  ],
});
