import fc from 'fast-check';
import { WEBHOOK_EVENT_TYPES } from '../../../src/catalog/webhook-event-types';
import type { Environment } from '../../../src/model/environment';
import type { ProviderSettings } from '../../../src/model/providers';
import type { SecretRef } from '../../../src/model/secret-ref';
import type { DesiredTerraState } from '../../../src/terra/admin/desired';
import type { ObservedTerraState } from '../../../src/terra/admin/observed';
import { refKey } from './simulator';

/** Codes with each shape of keys, a mobile-SDK one and one the catalog does not know. */
const SHAPES = {
  GARMIN: 'generic',
  OURA: 'generic',
  NEWBAND: 'generic',
  STRAVA: 'strava',
  VIRTUAGYM: 'virtuagym',
  HUAWEI: 'huawei',
  GOOGLE: 'google',
  APPLE: 'none',
  SAMSUNG: 'none',
} as const;
type Code = keyof typeof SHAPES;
const CODES = Object.keys(SHAPES) as Code[];

export const URLS = ['https://hooks.acme.example/terra', 'https://hooks.acme.example/terra/v2', 'https://old.acme.example/hook'] as const;
const SCOPES = ['read:activity', 'read:sleep', 'read:body', 'fitness.sleep.read', 'https://www.googleapis.com/auth/fitness.sleep.read', 'userinfo.profile'];

const stackRef = (name: string): SecretRef => ({ fromStackConfig: name });
/** Every reference the generated models may use, so a test can give each a value. */
export const REF_KEYS: readonly string[] = [
  ...CODES.flatMap((code) => [refKey(stackRef(`${code.toLowerCase()}Secret`)), refKey(stackRef(`${code.toLowerCase()}Verification`))]),
  refKey(stackRef('signingSecret')),
];

const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const version = fc.nat({ max: 3 });

function keysFor(code: Code): fc.Arbitrary<NonNullable<ProviderSettings['dedicatedKeys']> | undefined> {
  const base = {
    clientId: fc.constantFrom(`${code.toLowerCase()}-client`, `${code.toLowerCase()}-client-2`),
    clientSecret: fc.constant(stackRef(`${code.toLowerCase()}Secret`)),
    verificationSecret: fc.constant(stackRef(`${code.toLowerCase()}Verification`)),
    sandbox: fc.boolean(),
    secretVersion: version,
  };
  const url = fc.constantFrom('https://access.tryterra.co/api/v2/auth/huawei/oauth2', 'https://example.com/cb');
  switch (SHAPES[code]) {
    case 'generic':
      return fc.record({ ...base, redirectUrl: url }, { requiredKeys: ['clientId', 'clientSecret'] });
    case 'strava':
      return fc.record({ ...base, callbackDomain: fc.constantFrom('access.tryterra.co' as const, 'api.tryterra.co' as const) }, { requiredKeys: ['clientId', 'clientSecret', 'callbackDomain'] });
    case 'virtuagym': {
      const { clientId, clientSecret, ...rest } = base;
      return fc.record({ ...rest, portalName: clientId, apiKey: clientSecret }, { requiredKeys: ['portalName', 'apiKey'] });
    }
    case 'huawei':
      return fc.record({ ...base, redirectUrl: url, appAccessUrl: url, healthKitCallbackUrl: url }, { requiredKeys: ['clientId', 'clientSecret', 'redirectUrl', 'appAccessUrl', 'healthKitCallbackUrl'] });
    case 'google':
      return fc.record(
        { ...base, scopes: fc.array(fc.constantFrom(...SCOPES), { minLength: 1, maxLength: 3 }), appVerification: fc.constantFrom('verified' as const, 'unverified' as const) },
        { requiredKeys: ['clientId', 'clientSecret', 'scopes', 'appVerification'] },
      );
    case 'none':
      return fc.constant(undefined);
  }
}

function settingsFor(code: Code): fc.Arbitrary<ProviderSettings> {
  return fc.record(
    {
      enabled: fc.boolean(),
      scopes: fc.array(fc.constantFrom(...SCOPES), { minLength: 1, maxLength: 3 }),
      dedicatedKeys: keysFor(code),
    },
    { requiredKeys: [] },
  );
}

/** A schema-shaped environment model with a random set of providers, keys, scopes and webhook. */
export const environmentArb: fc.Arbitrary<Environment> = fc
  .record({
    providers: fc.subarray(CODES).chain((codes) => fc.tuple(...codes.map((code) => settingsFor(code).map((s) => [code, s] as const)))),
    webhook: opt(
      fc.record(
        {
          url: fc.constantFrom(...URLS),
          signingSecret: fc.constant(stackRef('signingSecret')),
          eventTypes: fc.array(fc.constantFrom(...WEBHOOK_EVENT_TYPES), { minLength: 1, maxLength: 4 }),
          active: fc.boolean(),
          signingSecretVersion: version,
        },
        { requiredKeys: ['url', 'signingSecret'] },
      ),
    ),
    undeclaredProviders: opt(fc.constantFrom('disable' as const, 'keep' as const)),
  })
  .map(({ providers, webhook, undeclaredProviders }) => {
    const model: Environment = {
      owners: [{ team: 'platform' }],
      terra: { devId: 'acme-prop-dev-id', apiKey: stackRef('terraApiKey') },
      providers: Object.fromEntries(providers),
      aws: { secretNamePrefix: 'acme/terra' },
    };
    if (undeclaredProviders) model.terra.admin = { undeclaredProviders };
    if (webhook) model.webhook = webhook;
    return model;
  });

const casing = (code: string) => fc.constantFrom(code.toLowerCase(), code, code[0] + code.slice(1).toLowerCase());
const LISTED = [...CODES, 'ZWIFT', 'WAHOO', 'POLAR'];

/** Whatever Terra might hold: any providers in any case, keys, scopes, masks and destinations. */
export const observedArb: fc.Arbitrary<ObservedTerraState> = fc.record({
  sources: fc.array(fc.record({ provider: fc.constantFrom(...LISTED).chain(casing), active: fc.boolean() }), { maxLength: 8 }),
  credentials: fc.array(
    fc.record(
      {
        provider: fc.constantFrom(...LISTED).chain(casing),
        hasCredentials: fc.boolean(),
        terraOwned: fc.boolean(),
        clientId: fc.constantFrom('garmin-client', 'google-client', 'strava-client-2', 'dashboard-client'),
        secretMask: fc.oneof(fc.string({ maxLength: 4 }).map((s) => `****${s}`), fc.constant('********')),
      },
      { requiredKeys: ['provider', 'hasCredentials'] },
    ),
    { maxLength: 6 },
  ),
  scopes: fc.array(fc.record({ provider: fc.constantFrom(...LISTED).chain(casing), scopes: fc.array(fc.constantFrom(...SCOPES), { maxLength: 3 }) }), { maxLength: 6 }),
  destinations: fc
    .array(
      fc.record(
        {
          type: fc.constantFrom('webhook', 'webhook', 's3'),
          url: fc.constantFrom(...URLS, 'https://webhook.site/x'),
          active: fc.boolean(),
          eventTypes: fc.array(fc.constantFrom(...WEBHOOK_EVENT_TYPES.slice(0, 6)), { maxLength: 3 }),
        },
        { requiredKeys: ['type', 'url', 'active'] },
      ),
      { maxLength: 4 },
    )
    .map((list) => list.map((d, i) => ({ ...d, id: String(9_000_000_000 + i * 7) }))),
});

/** A value for every reference, and the subset of them the diff is allowed to see. */
export const secretsArb = fc.record({
  values: fc.tuple(...REF_KEYS.map(() => fc.string({ minLength: 1, maxLength: 10 }))).map((vs) => Object.fromEntries(REF_KEYS.map((k, i) => [k, vs[i]!]))),
  visible: fc.subarray([...REF_KEYS]),
});

/** The reader always asks for the credentials and scopes of every declared source: fill in what it gets for none. */
export function withCompleteReads(observed: ObservedTerraState, desired: DesiredTerraState): ObservedTerraState {
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  return {
    ...observed,
    credentials: [
      ...observed.credentials,
      ...desired.credentials.filter((c) => !observed.credentials.some((o) => same(o.provider, c.adminCode))).map((c) => ({ provider: c.adminCode, hasCredentials: false })),
    ],
    scopes: [
      ...observed.scopes,
      ...desired.scopes.filter((s) => !observed.scopes.some((o) => same(o.provider, s.adminCode))).map((s) => ({ provider: s.adminCode, scopes: [] })),
    ],
  };
}
