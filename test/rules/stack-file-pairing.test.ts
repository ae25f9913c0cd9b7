import { stackFilePairing } from '../../src/rules/stack-file-pairing';
import { environmentWith } from './fixtures';
import { ruleTester } from './rule-tester';
import { yml } from './yml';

ruleTester(stackFilePairing, {
  valid: [
    { name: 'three environments, three stacks', files: {} },
    {
      name: 'a stack pointed at an environment with terra-iac:environment',
      files: {
        'config/production.yaml': null,
        'config/prod.yaml': environmentWith('GARMIN: {}', { tier: 'production' }),
        'Pulumi.production.yaml': 'config:\n  terra-iac:environment: prod\n',
      },
    },
    {
      name: 'only some files named: the rest may exist',
      files: { 'Pulumi.staging.yaml': null },
      only: ['config/staging.yaml'],
    },
  ],
  invalid: [
    {
      name: 'an environment without a stack file',
      files: { 'config/staging.yaml': environmentWith('GARMIN: {}'), 'Pulumi.staging.yaml': null },
      errors: [{ ruleId: 'stack-file-pairing', line: 2, column: 1 }],
    },
    {
      name: 'a stack file without an environment',
      files: { 'Pulumi.dev.yaml': yml`
        # a leftover stack
        config:
          aws:region: eu-west-1
      ` },
      errors: [{ ruleId: 'stack-file-pairing', line: 2, column: 1 }],
    },
    {
      name: 'a stack file that fails its schema may deploy any environment: its own schema error alone',
      files: {
        'config/production.yaml': null,
        'config/prod.yaml': environmentWith('GARMIN: {}', { tier: 'production' }),
        'Pulumi.production.yaml': 'config:\n  terra-iac:environment: prod\nsecretsprovder: passphrase\n',
      },
      errors: [{ ruleId: 'schema-unknown-key', file: 'Pulumi.production.yaml', line: 3, column: 1 }],
    },
    {
      name: 'terra-iac:environment naming a missing file',
      files: { 'Pulumi.staging.yaml': 'config:\n  aws:region: eu-west-1\n  terra-iac:environment: stagin\n' },
      errors: [
        { ruleId: 'stack-file-pairing', line: 3, column: 26 },
        { ruleId: 'stack-file-pairing', file: 'config/staging.yaml', line: 1, column: 1 },
      ],
    },
  ],
});
