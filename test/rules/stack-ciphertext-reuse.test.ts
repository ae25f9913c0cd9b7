import { stackCiphertextReuse } from '../../src/rules/stack-ciphertext-reuse';
import { ciphertextOf } from './baseline';
import { ruleTester } from './rule-tester';
import { yml } from './yml';

const stack = (apiKey: string, signingSecret: string) => yml`
  config:
    terra-iac:terraApiKey:
      secure: ${apiKey}
    terra-iac:terraWebhookSigningSecret:
      secure: ${signingSecret}
`;

ruleTester(stackCiphertextReuse, {
  valid: [
    { name: 'each stack sealed its own values', files: {} },
    {
      name: 'one ciphertext under two keys of the same stack decrypts fine',
      files: { 'Pulumi.testing.yaml': stack(ciphertextOf('testing', 'apiKey'), ciphertextOf('testing', 'apiKey')) },
    },
  ],
  invalid: [
    {
      name: 'staging ciphertext copied into testing',
      files: { 'Pulumi.testing.yaml': stack(ciphertextOf('staging', 'apiKey'), ciphertextOf('testing', 'signingSecret')) },
      errors: [{ ruleId: 'stack-ciphertext-reuse', line: 3, column: 13 }],
    },
    {
      name: 'a nested secure value copied across stacks',
      files: {
        'Pulumi.staging.yaml': yml`
          config:
            terra-iac:terraApiKey:
              secure: ${ciphertextOf('staging', 'apiKey')}
            terra-iac:terraWebhookSigningSecret:
              secure: ${ciphertextOf('staging', 'signingSecret')}
            acme:receivers:
              - name: primary
                token:
                  secure: ${ciphertextOf('production', 'signingSecret')}
        `,
      },
      errors: [{ ruleId: 'stack-ciphertext-reuse', file: 'Pulumi.staging.yaml', line: 9, column: 17 }],
    },
  ],
});
