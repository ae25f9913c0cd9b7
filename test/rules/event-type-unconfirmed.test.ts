import { eventTypeUnconfirmed } from '../../src/rules/event-type-unconfirmed';
import { ruleTester } from './rule-tester';
import { yml } from './yml';

ruleTester(eventTypeUnconfirmed, {
  valid: [
    { name: 'every type by default', files: {} },
    {
      name: 'types from the SDK',
      files: {
        'config/staging.yaml': yml`
          owners: [{ team: platform }]
          terra: { devId: acme-staging-dev-id, apiKey: { fromStackConfig: terraApiKey } }
          webhook:
            url: https://hooks.acme.example/terra/staging
            signingSecret: { fromStackConfig: terraWebhookSigningSecret }
            eventTypes: [auth, deauth, activity, sleep]
          providers: {}
          aws: { secretNamePrefix: acme/terra }
        `,
      },
    },
  ],
  invalid: [
    {
      name: '2026-only types on the webhook and an S3 destination',
      files: {
        'config/staging.yaml': yml`
          owners: [{ team: platform }]
          terra: { devId: acme-staging-dev-id, apiKey: { fromStackConfig: terraApiKey } }
          webhook:
            url: https://hooks.acme.example/terra/staging
            signingSecret: { fromStackConfig: terraWebhookSigningSecret }
            eventTypes: [auth, lab_report, activity]
          destinations:
            - type: s3
              bucketName: acme-terra-staging
              eventTypes:
                - sleep
                - hormone
          providers: {}
          aws: { secretNamePrefix: acme/terra }
        `,
      },
      errors: [
        { ruleId: 'event-type-unconfirmed', line: 6, column: 22 },
        { ruleId: 'event-type-unconfirmed', line: 12, column: 9 },
      ],
    },
  ],
});
