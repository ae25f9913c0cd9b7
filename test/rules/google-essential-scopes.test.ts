import { googleEssentialScopes } from '../../src/rules/google-essential-scopes';
import { environmentWith } from './fixtures';
import { ruleTester } from './rule-tester';
import { yml } from './yml';

const google = (scopes: string[]) =>
  environmentWith(yml`
    GOOGLE:
      dedicatedKeys:
        clientId: 40211-staging.apps.googleusercontent.com
        clientSecret: { fromStackConfig: googleClientSecret }
        appVerification: in-review
        scopes: [${scopes.join(', ')}]
  `);

ruleTester(googleEssentialScopes, {
  valid: [
    { name: 'short forms', files: { 'config/staging.yaml': google(['fitness.activity.read', 'userinfo.profile', 'calendar.settings.readonly']) } },
    {
      name: 'full forms',
      files: {
        'config/staging.yaml': google([
          'https://www.googleapis.com/auth/calendar.settings.readonly',
          'https://www.googleapis.com/auth/userinfo.profile',
          'https://www.googleapis.com/auth/fitness.sleep.read',
        ]),
      },
    },
    { name: 'Google on Terra\'s keys', files: { 'config/staging.yaml': environmentWith('GOOGLE: {}') } },
  ],
  invalid: [
    {
      name: 'both essential scopes missing',
      files: { 'config/staging.yaml': google(['fitness.activity.read']) },
      errors: [
        { ruleId: 'google-essential-scopes', line: 16, column: 7 },
        { ruleId: 'google-essential-scopes', line: 16, column: 7 },
      ],
    },
    {
      name: 'an unknown scope warns',
      files: { 'config/staging.yaml': google(['userinfo.profile', 'calendar.settings.readonly', 'fitness.activty.read']) },
      errors: [{ ruleId: 'google-essential-scopes', line: 16, column: 62, severity: 'warning' }],
    },
  ],
});
