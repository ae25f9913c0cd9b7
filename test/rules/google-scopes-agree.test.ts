import { googleScopesAgree } from '../../src/rules/google-scopes-agree';
import { environmentWith } from './fixtures';
import { ruleTester } from './rule-tester';
import { yml } from './yml';

const google = (generic: string[] | null, app: string[]) =>
  environmentWith(yml`
    GOOGLE:
      ${generic ? `scopes: [${generic.join(', ')}]` : 'notes: keys only'}
      dedicatedKeys:
        clientId: 40211-staging.apps.googleusercontent.com
        clientSecret: { fromStackConfig: googleClientSecret }
        appVerification: in-review
        scopes: [${app.join(', ')}]
  `);

const APP = ['fitness.sleep.read', 'userinfo.profile', 'calendar.settings.readonly'];

ruleTester(googleScopesAgree, {
  valid: [
    { name: 'only dedicatedKeys.scopes', files: { 'config/staging.yaml': google(null, APP) } },
    { name: 'the same scopes in another order', files: { 'config/staging.yaml': google([...APP].reverse(), APP) } },
    {
      name: 'short and full forms of the same scopes',
      files: { 'config/staging.yaml': google(APP.map((s) => `https://www.googleapis.com/auth/${s}`), [...APP, 'userinfo.profile']) },
    },
    { name: 'scopes on Terra\'s keys', files: { 'config/staging.yaml': environmentWith('GOOGLE: { scopes: [fitness.sleep.read] }') } },
  ],
  invalid: [
    {
      name: 'a scope only in one list',
      files: { 'config/staging.yaml': google(['fitness.sleep.read', 'userinfo.profile'], APP) },
      errors: [{ ruleId: 'google-scopes-agree', line: 12, column: 5 }],
    },
  ],
});
