import { stackSecretPlain } from '../../src/rules/stack-secret-plain';
import { ciphertextOf } from './baseline';
import { ruleTester } from './rule-tester';
import { yml } from './yml';

const PLAIN_KEY = 'Q2xk3nR8vT0pLw9ZsY4bH7cJ1mF6gD5e';
const PLAIN_SECRET = 'short-but-secret';

ruleTester(stackSecretPlain, {
  valid: [
    { name: 'secure values everywhere', files: {} },
    {
      name: 'plain values for keys that are not secret',
      files: {
        'Pulumi.testing.yaml': yml`
          config:
            aws:region: eu-west-1
            terra-iac:smokeTest: false
            terra-iac:terraApiKey:
              secure: ${ciphertextOf('testing', 'apiKey')}
            terra-iac:terraWebhookSigningSecret:
              secure: ${ciphertextOf('testing', 'signingSecret')}
        `,
      },
    },
  ],
  invalid: [
    {
      name: 'a plain value for a key config/ references as a secret',
      files: {
        'Pulumi.testing.yaml': yml`
          config:
            terra-iac:terraApiKey: ${PLAIN_KEY}
            terra-iac:terraWebhookSigningSecret:
              secure: ${ciphertextOf('testing', 'signingSecret')}
        `,
      },
      errors: [{ ruleId: 'stack-secret-plain', line: 2, column: 26, sensitive: true }],
      secrets: [PLAIN_KEY],
    },
    {
      name: 'a plain value for a key Pulumi.yaml declares secret, even when config/ does not use it',
      files: {
        'Pulumi.yaml': yml`
          name: terra-iac
          runtime: nodejs
          config:
            terraApiKey: { type: string, secret: true }
            terraWebhookSigningSecret: { type: string, secret: true }
            datadogApiKey: { type: string, secret: true }
        `,
        'Pulumi.production.yaml': yml`
          config:
            terra-iac:datadogApiKey: ${PLAIN_SECRET}
            terra-iac:terraApiKey:
              secure: ${ciphertextOf('production', 'apiKey')}
            terra-iac:terraWebhookSigningSecret:
              nested: ${PLAIN_SECRET}
        `,
      },
      errors: [
        { ruleId: 'stack-secret-plain', file: 'Pulumi.production.yaml', line: 2, column: 28, sensitive: true },
        { ruleId: 'stack-secret-plain', file: 'Pulumi.production.yaml', line: 6, column: 5, sensitive: true },
      ],
      secrets: [PLAIN_SECRET],
    },
  ],
});
