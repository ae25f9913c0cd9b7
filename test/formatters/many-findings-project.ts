import { ciphertextOf, projectWith } from '../rules/baseline';
import { yml } from '../rules/yml';

/** Values planted in the project: no SARIF output may contain them. */
export const PLANTED = {
  descriptionToken: 'Q2xk3nR8vT0pLw9ZsY4bH7cJ1mF6gD5e',
  plainApiKey: 'hunter2hunter2hunter2',
  plainStackSecret: 'Pw4Xn7Rq2Ks9Lt5Vm8Bc3Dh6Fj1Gy0Za',
  urlPassword: 'n0t-a-real-pa55word',
} as const;

/** Nested 70 levels deep, past the 64-level limit. */
const DEEP = `${'['.repeat(70)}${']'.repeat(70)}\n`;

/** A billion-laughs style alias expansion, far past 100 nodes. */
const ALIAS_BOMB = yml`
  a: &a [x, x, x, x, x, x, x, x, x, x]
  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
  c: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
`;

/**
 * A project in which every semantic rule fires at least once: the baseline's environments with mistakes
 * planted, and two more environments. Validated whole, so the cross-environment rules run.
 */
export function semanticFindingsProject(): Record<string, string | Buffer> {
  return projectWith({
    'Pulumi.yaml': yml`
      name: terra-iac
      runtime: nodejs
      main: src/index.ts
      config:
        terraApiKey:
          type: string
          secret: true
        terraWebhookSigningSecret:
          type: string
          secret: true
        alertEmail:
          type: string
    `,
    'config/staging.yaml': yml`
      description: staging; the old key ${PLANTED.descriptionToken} was rotated
      owners:
        - team: platform
      terra:
        devId: acme-shared-dev-id
        apiBaseUrl: https://terra-proxy.acme.example/api/v2
        apiKey: { fromEnv: TERRA_API_KEY }
        admin:
          baseUrl: http://admin.acme.example/api/v3/admin
      webhook:
        url: http://hooks.acme.example/terra/staging
        signingSecret: { fromStackConfig: terraWebhookSigningSecret }
        eventTypes: [auth, lab_report]
      data:
        types: [ACTIVTY, HEALTH_OBSERVATION, SLEEP]
        fields: { nutrition: [calories] }
      widget:
        logoUrl: http://cdn.acme.example/logo.png
      limits:
        plannedUsers: 100000
      providers:
        GARMINN: {}
        RENPHO: {}
        APPLE: {}
        SAMSUNG: { route: direct }
        STRAVA:
          dedicatedKeys:
            clientId: "118024"
            clientSecret: { fromStackConfig: stravaClientSecret }
            callbackDomain: api.tryterra.co
        GOOGLE:
          scopes: [fitness.sleep.read]
          dedicatedKeys:
            clientId: 40211-staging.apps.googleusercontent.com
            clientSecret: { fromStackConfig: googleClientSecret }
            appVerification: in-review
            scopes: [fitness.sleep.read, fitness.activty.read]
      aws:
        secretNamePrefix: acme/terra
    `,
    'config/production.yaml': yml`
      owners:
        - team: platform
      terra:
        devId: acme-shared-dev-id
        apiBaseUrl: https://access.tryterra.co/api/v2
        apiKey: { fromEnv: TERRA_API_KEY }
      webhook:
        url: https://ops:${PLANTED.urlPassword}@hooks.acme.example/terra/shared
        signingSecret: { fromStackConfig: terraWebhookSigningSecret }
      providers:
        OURA: {}
        DEXCOM_EU: {}
        FREESTYLELIBRE:
          regions: [GB, DE]
        HUAWEI:
          dedicatedKeys:
            clientId: "108563291"
            clientSecret: { fromStackConfig: huaweiClientSecret }
            redirectUrl: https://access.tryterra.co/api/v2/auth/huawei
            appAccessUrl: https://access.tryterra.co/
            healthKitCallbackUrl: https://hooks.acme.example/huawei
        GOOGLE:
          dedicatedKeys:
            clientId: 40211-production.apps.googleusercontent.com
            clientSecret: { fromStackConfig: googleClientSecret }
            scopes: [userinfo.profile, calendar.settings.readonly]
            appVerification: in-review
      aws:
        secretNamePrefix: acme/terra
    `,
    'config/testing.yaml': yml`
      owners:
        - team: platform
      terra:
        devId: acme-testing-dev-id
        apiKey: { fromStackConfig: terraApiKey }
      webhook:
        url: https://localhost:8443/terra
        signingSecret: { fromStackConfig: terraWebhookSigningSecret }
      providers:
        GARMIN: {}
      aws:
        secretNamePrefix: acme/terra
    `,
    'config/sandbox.yaml': yml`
      owners:
        - team: platform
      terra:
        devId: acme-sandbox-dev-id
        apiKey: { fromStackConfig: terraApiKey }
      webhook:
        url: https://hooks.acme.example/terra/shared
        signingSecret: { fromStackConfig: terraWebhookSigningSecret }
      providers: {}
      aws:
        secretNamePrefix: acme/terra
    `,
    'config/qa.yaml': yml`
      tier: staging
      owners:
        - team: platform
      terra:
        devId: acme-qa-dev-id
        apiBaseUrl: https://access.tryterra.co/api/v2
        apiKey: { fromStackConfig: terraApiKey }
      webhook:
        url: https://hooks.acme.example/terra/shared
        signingSecret: { fromStackConfig: terraWebhookSigningSecret }
      providers:
        STRAVA:
          dedicatedKeys:
            clientId: "118024"
            clientSecret: { fromStackConfig: stravaClientSecret }
            callbackDomain: api.tryterra.co
      aws:
        secretNamePrefix: acme/terra
    `,
    'Pulumi.production.yaml': yml`
      config:
        terra-iac:terraApiKey: ${PLANTED.plainStackSecret}
        terra-iac:terraWebhookSigningSecret:
          secure: ${ciphertextOf('staging', 'signingSecret')}
        bareKey: value
      secretsprovider: passphrase
      encryptionsalt: v1:yTrwvuurioI=:v1:HGUabts/LZVi5xtQ:L8J78XldDK+BCbJJtbBm+THdgE3HCQ==
    `,
  });
}

/** A file the stage-finding run names that does not exist. */
export const MISSING_FILE = 'config/missing.yaml';

/**
 * One file per reading, YAML and schema finding. They are validated by name (with MISSING_FILE), apart from
 * the semantic project: a file whose schema fails could be any tier, which silences cross-environment rules.
 */
export function stageFindingsProject(): Record<string, string | Buffer> {
  return {
    'config/schema.yaml': yml`
      tier: prod
      owners: platform
      colour: blue
      terra:
        devId: acme-schema-dev-id
        apiKey: ${PLANTED.plainApiKey}
    `,
    'config/list.yaml': '- just\n- a list\n',
    'config/syntax.yaml': 'owners:\n\t- team: platform\n',
    'config/duplicate.yaml': 'tier: testing\ntier: staging\n',
    'config/tagged.yaml': 'tier: !Ref testing\n',
    'config/proto.yaml': '__proto__: { polluted: true }\n',
    'config/alias.yaml': ALIAS_BOMB,
    'config/deep.yaml': DEEP,
    'config/empty.yaml': '',
    'config/binary.yaml': Buffer.from([0x74, 0x69, 0x65, 0x72, 0x00, 0x0a]),
    'config/latin1.yaml': Buffer.from('description: caf\xe9\n', 'latin1'),
    'config/large.yaml': `description: ${'x'.repeat(1024 * 1024 + 16)}\n`,
  };
}
