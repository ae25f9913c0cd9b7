import { ruleTester } from './rule-tester';
import { yml } from './yml';

const LEAKED = 'tk_live_9fQ2xB7mL4pR8sV1wZ6yC3nD5hJ0kT2a';

// The reading, YAML and schema stages run before any rule; with no rules only their findings appear.
ruleTester(null, {
  valid: [
    { name: 'the baseline project', files: {} },
    {
      name: 'a comment-only header and flow maps',
      files: {
        'config/testing.yaml': yml`
          # yaml-language-server: $schema=../schemas/environment.schema.json
          owners: [{ team: platform }]
          terra: { devId: acme-testing-dev-id, apiKey: { fromEnv: TERRA_API_KEY_TESTING } }
          providers: { GARMIN: {} }
          aws: { secretNamePrefix: acme/terra }
        `,
      },
    },
  ],
  invalid: [
    {
      name: 'tabs as indentation',
      files: { 'config/testing.yaml': 'owners:\n\t- team: platform\n' },
      errors: [{ ruleId: 'yaml-syntax', line: 2, column: 1 }],
    },
    {
      name: 'duplicate key',
      files: {
        'config/testing.yaml': yml`
          owners:
            - team: platform
          owners:
            - team: qa
        `,
      },
      errors: [{ ruleId: 'yaml-duplicate-key', line: 3, column: 1 }],
    },
    {
      name: 'custom tag',
      files: {
        'config/staging.yaml': yml`
          owners:
            - team: !Ref TeamName
        `,
      },
      errors: [{ ruleId: 'yaml-custom-tag', line: 2, column: 11 }],
    },
    {
      name: 'js/function tag',
      files: { 'config/staging.yaml': 'owners: !!js/function "function () {}"\n' },
      errors: [{ ruleId: 'yaml-custom-tag', line: 1, column: 9 }],
    },
    {
      name: 'alias expansion bomb',
      files: {
        'config/testing.yaml': yml`
          a: &a [x, x, x, x, x, x, x, x, x, x]
          b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
          c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
          d: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
        `,
      },
      errors: [{ ruleId: 'yaml-alias-limit', line: 2, column: 8 }],
    },
    {
      name: '__proto__ key',
      files: {
        'config/testing.yaml': yml`
          owners:
            - team: platform
              __proto__: { polluted: true }
        `,
      },
      errors: [{ ruleId: 'yaml-unsafe-key', line: 3, column: 5 }],
    },
    {
      name: 'constructor key',
      files: { 'Pulumi.testing.yaml': 'config:\n  constructor: x\n' },
      errors: [{ ruleId: 'yaml-unsafe-key', line: 2, column: 3 }],
    },
    {
      name: 'empty file',
      files: { 'config/testing.yaml': '' },
      errors: [{ ruleId: 'file-empty', line: 1, column: 1 }],
    },
    {
      name: 'comments only',
      files: { 'config/testing.yaml': '# nothing here yet\n' },
      errors: [{ ruleId: 'file-empty', line: 1, column: 1 }],
    },
    {
      name: 'a list at the top level',
      files: { 'config/testing.yaml': '- team: platform\n' },
      errors: [{ ruleId: 'schema-root', line: 1, column: 1 }],
    },
    {
      name: 'unknown key (typo)',
      files: {
        'config/production.yaml': yml`
          owners:
            - team: platform
          terra:
            devId: acme-production-dev-id
            apiKey: { fromStackConfig: terraApiKey }
          providers: {}
          aws:
            secretNamePrefx: acme/terra
        `,
      },
      errors: [
        { ruleId: 'schema-required', line: 7, column: 1 },
        { ruleId: 'schema-unknown-key', line: 8, column: 3 },
      ],
    },
    {
      name: 'missing required key',
      files: {
        'config/production.yaml': yml`
          owners:
            - team: platform
          providers: {}
          aws:
            secretNamePrefix: acme/terra
        `,
      },
      errors: [{ ruleId: 'schema-required', line: 1, column: 1 }],
    },
    {
      name: 'a list where a map belongs',
      files: {
        'config/production.yaml': yml`
          owners:
            - team: platform
          terra:
            - devId: acme-production-dev-id
          providers: {}
          aws:
            secretNamePrefix: acme/terra
        `,
      },
      errors: [{ ruleId: 'schema-type', line: 4, column: 3 }],
    },
    {
      name: 'value outside an enum',
      files: {
        'config/staging.yaml': yml`
          tier: prod
          owners:
            - team: platform
          terra:
            devId: acme-staging-dev-id
            apiKey: { fromStackConfig: terraApiKey }
          providers: {}
          aws:
            secretNamePrefix: acme/terra
        `,
      },
      errors: [{ ruleId: 'schema-value', line: 1, column: 7 }],
    },
    {
      name: 'a literal where a secret reference belongs',
      files: {
        'config/staging.yaml': yml`
          owners:
            - team: platform
          terra:
            devId: acme-staging-dev-id
            apiKey: ${LEAKED}
          providers: {}
          aws:
            secretNamePrefix: acme/terra
        `,
      },
      errors: [{ ruleId: 'no-plaintext-secret', line: 5, column: 11, sensitive: true }],
      secrets: [LEAKED],
    },
    {
      name: 'a named file that does not exist',
      files: {},
      only: ['config/missing.yaml'],
      errors: [{ ruleId: 'file-unreadable', file: 'config/missing.yaml', line: 1, column: 1 }],
    },
    {
      name: 'a file over 1 MiB',
      files: { 'config/testing.yaml': `owners:\n${'  # padding\n'.repeat(100_000)}` },
      disk: true,
      errors: [{ ruleId: 'file-too-large', line: 1, column: 1 }],
    },
    {
      name: 'a binary file',
      files: { 'config/testing.yaml': Buffer.from([0x6f, 0x3a, 0x0a, 0x20, 0x00, 0x01]) },
      errors: [{ ruleId: 'file-binary', line: 2, column: 2 }],
    },
    {
      name: 'a file that is not UTF-8',
      files: { 'config/testing.yaml': Buffer.from('owners:\n  - team: caf\xe9\n', 'latin1') },
      errors: [{ ruleId: 'file-encoding', line: 2, column: 14 }],
    },
  ],
});
