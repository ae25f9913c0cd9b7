import { stackMissingConfig } from '../../src/rules/stack-missing-config';
import { ruleTester } from './rule-tester';
import { yml } from './yml';

const project = (extra: string) => yml`
  name: terra-iac
  runtime: nodejs
  config:
    terraApiKey:
      type: string
      secret: true
${extra}`;

ruleTester(stackMissingConfig, {
  valid: [
    { name: 'every declared key is set (the baseline)', files: {} },
    {
      name: 'keys with a default or a value, and keys of other namespaces, are not required',
      files: {
        'Pulumi.yaml': project(`    smokeTest:\n      type: boolean\n      default: true\n    region:\n      value: eu-west-1\n    aws:region:\n      value: eu-west-1\n`),
      },
    },
    {
      name: 'a key the environment references is left to stack-secret-present',
      files: { 'Pulumi.testing.yaml': 'config:\n  terra-iac:terraWebhookSigningSecret:\n    secure: v1:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n' },
    },
  ],
  invalid: [
    {
      name: 'a declared key without default that a stack does not set',
      files: { 'Pulumi.yaml': project(`    consumerTeam:\n      type: string\n`) },
      errors: [
        { ruleId: 'stack-missing-config', file: 'Pulumi.production.yaml', line: 1, column: 1 },
        { ruleId: 'stack-missing-config', file: 'Pulumi.staging.yaml', line: 1, column: 1 },
        { ruleId: 'stack-missing-config', file: 'Pulumi.testing.yaml', line: 1, column: 1 },
      ],
    },
  ],
});
