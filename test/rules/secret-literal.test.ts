import { secretLiteral } from '../../src/rules/secret-literal';
import { ruleTester } from './rule-tester';
import { yml } from './yml';

const TERRA_KEY = 'Q2xk3nR8vT0pLw9ZsY4bH7cJ1mF6gD5e';
const HEX_SIGNING_SECRET = '66142e0c2960f788b19830807d4aa25cfd27a610ec65fd36';
const TOKEN = 'ghp_abc123XYZ789def';

ruleTester(secretLiteral, {
  valid: [
    { name: 'the baseline (ciphertext under secure:, encryptionsalt)', files: {} },
    {
      name: 'URLs, dev-ids, client ids and slug-like names',
      files: {
        'config/testing.yaml': yml`
          owners:
            - team: platform
          terra:
            devId: ${TERRA_KEY}
            apiKey: { fromStackConfig: terraApiKey }
          providers:
            STRAVA:
              dedicatedKeys:
                clientId: ${TERRA_KEY}
                clientSecret: { fromEnv: STRAVA_CLIENT_SECRET_TESTING }
                callbackDomain: access.tryterra.co
          destinations:
            - type: s3
              bucketName: acme-health-terra-payloads-2024-prod-eu-west
          aws:
            secretNamePrefix: acme-health/terra
            kmsKeyId: alias/acme-env-0001-staging-secrets
          links:
            - https://dash.acme.example/d/${TERRA_KEY}
        `,
      },
    },
    {
      name: 'a plain stack value for a secret key is left to stack-secret-plain',
      files: {
        'Pulumi.testing.yaml': yml`
          config:
            terra-iac:terraApiKey: ${TERRA_KEY}
            terra-iac:terraWebhookSigningSecret:
              secure: v1:ARGWzd1aZY0Scfae:dBCNWTUpzg8cUQxi8yqqKe/FLte6T7TJIUQ/X3lpTVG0F2bOPbzKrvdi2iR3joA15diLxByDwv7FmVXCnxC+TYq6szuxY9+8xMs=
        `,
      },
    },
  ],
  invalid: [
    {
      name: 'a Terra key pasted into free text',
      files: {
        'config/testing.yaml': yml`
          description: rotated, old key ${TERRA_KEY} is dead
          owners:
            - team: platform
          terra:
            devId: acme-testing-dev-id
            apiKey: { fromStackConfig: terraApiKey }
          providers:
            GARMIN:
              notes: signing secret ${HEX_SIGNING_SECRET}
          aws:
            secretNamePrefix: acme/terra
        `,
      },
      errors: [
        { ruleId: 'secret-literal', line: 1, column: 14, sensitive: true },
        { ruleId: 'secret-literal', line: 9, column: 12, sensitive: true },
      ],
      secrets: [TERRA_KEY, HEX_SIGNING_SECRET],
    },
    {
      name: 'a Terra key in a comment',
      files: {
        'config/testing.yaml': yml`
          owners:
            - team: platform
          terra:
            devId: acme-testing-dev-id
            apiKey: { fromStackConfig: terraApiKey }
          # the key is ${TERRA_KEY}
          providers: {}
          aws:
            secretNamePrefix: acme/terra
        `,
      },
      errors: [{ ruleId: 'secret-literal', line: 7, column: 1, sensitive: true }],
      secrets: [TERRA_KEY],
    },
    {
      name: 'a credential-named plain stack value (keyword + entropy)',
      files: {
        'Pulumi.staging.yaml': yml`
          config:
            terra-iac:terraApiKey:
              secure: v1:3b9oqJD5gpKwGT9r:to8lfk/EiEcSGnAqYss0NCFLwje4PsNsyEoKscw7Y9IKi8UysJ+OBCp6DgE3pahx5SoMm3L27Z69h6K9QEsbbV0=
            terra-iac:terraWebhookSigningSecret:
              secure: v1:ZKDxRINTJy8Cev3Q:RfwA1NHnB5sw8+9uoWeyIItYZg8zhy6JqDgIZhDbuCjhmlwUZ14re/Djp/FCrQXBEWiZzGINQuKmHrnqHodLVr6Bkfxk6yhzY6E=
            datadog:apiToken: ${TOKEN}
            datadog:site: datadoghq.eu
        `,
      },
      errors: [{ ruleId: 'secret-literal', line: 6, column: 21, sensitive: true }],
      secrets: [TOKEN],
    },
    {
      name: 'a secret default in Pulumi.yaml',
      files: {
        'Pulumi.yaml': yml`
          name: terra-iac
          runtime: nodejs
          config:
            terraApiKey:
              type: string
              secret: true
              default: ${TERRA_KEY}
        `,
      },
      errors: [{ ruleId: 'secret-literal', line: 7, column: 14, sensitive: true }],
      secrets: [TERRA_KEY],
    },
    {
      name: 'a literal where the schema expects a reference is reported once, by the schema stage',
      files: {
        'config/staging.yaml': yml`
          owners:
            - team: platform
          terra:
            devId: acme-staging-dev-id
            apiKey: ${TERRA_KEY}
          providers: {}
          aws:
            secretNamePrefix: acme/terra
        `,
      },
      errors: [{ ruleId: 'no-plaintext-secret', line: 5, column: 11 }],
      secrets: [TERRA_KEY],
    },
    {
      name: 'a literal under a misspelt key is still caught',
      files: {
        'config/staging.yaml': yml`
          owners:
            - team: platform
          terra:
            devId: acme-staging-dev-id
            apiKey: { fromStackConfig: terraApiKey }
            apikey: ${TERRA_KEY}
          providers: {}
          aws:
            secretNamePrefix: acme/terra
        `,
      },
      errors: [
        { ruleId: 'schema-unknown-key', line: 6, column: 3 },
        { ruleId: 'secret-literal', line: 6, column: 11, sensitive: true },
      ],
      secrets: [TERRA_KEY],
    },
    {
      name: 'a file with YAML errors is still searched',
      files: {
        'config/production.yaml': yml`
          description: ${TERRA_KEY}
          owners: !Ref Owners
        `,
      },
      errors: [
        { ruleId: 'secret-literal', line: 1, column: 14, sensitive: true },
        { ruleId: 'yaml-custom-tag', line: 2, column: 9 },
      ],
      secrets: [TERRA_KEY],
    },
    {
      name: 'the second of two duplicate keys cannot be addressed by a path: only the duplicate is reported',
      files: {
        'config/production.yaml': yml`
          owners:
            - team: platform
          owners:
            - team: ${TERRA_KEY}
        `,
      },
      errors: [{ ruleId: 'yaml-duplicate-key', line: 3, column: 1 }],
      secrets: [TERRA_KEY],
    },
  ],
});
