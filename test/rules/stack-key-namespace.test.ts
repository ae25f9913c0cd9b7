import { stackKeyNamespace } from '../../src/rules/stack-key-namespace';
import { ruleTester } from './rule-tester';
import { yml } from './yml';

ruleTester(stackKeyNamespace, {
  valid: [
    { name: 'namespaced keys', files: {} },
    { name: 'the legacy <namespace>:config:<name> form', files: { 'Pulumi.testing.yaml': 'config:\n  aws:config:region: eu-west-1\n' } },
  ],
  invalid: [
    {
      name: 'a bare key and one with too many colons',
      files: {
        'Pulumi.testing.yaml': yml`
          config:
            smokeTest: true
            terra-iac:smoke:test: true
            aws:region: eu-west-1
        `,
      },
      errors: [
        { ruleId: 'stack-key-namespace', line: 2, column: 3 },
        { ruleId: 'stack-key-namespace', line: 3, column: 3 },
      ],
    },
  ],
});
