import { createHash } from 'node:crypto';
import type { AdminDestinationState, AdminEnvironmentSeed, AdminEnvironmentState, AdminSourceState } from './types';

/**
 * Seeds become state here, and the server's generated values (secrets, ids) come from here. Everything
 * is derived from counters, never from the clock or Math.random, so two runs produce the same values.
 */

/** The implicit data type: "ATHLETE is always selected and need not be sent" (putUnifiedApiScopes). */
export const ATHLETE = 'ATHLETE';

/**
 * Data-type tokens `putUnifiedApiScopes` recognises. The spec does not enumerate them ("Upper-case
 * data-type tokens … an unrecognised token is a 400"); these are Terra's data types as the data API
 * names them, plus HEALTH_OBSERVATION, which the spec names as entitlement-gated.
 */
export const DATA_TYPE_TOKENS = ['ATHLETE', 'ACTIVITY', 'BODY', 'DAILY', 'SLEEP', 'NUTRITION', 'MENSTRUATION', 'PLANNED_WORKOUT', 'HEALTH_OBSERVATION'] as const;

/** The samples flag token: "SAMPLES sets the per-row samples flag rather than selecting a data type". */
export const SAMPLES = 'SAMPLES';

/** Destination `event_types` accepted by default: the `type` values Terra's webhooks carry (https://docs.tryterra.co/reference/health-and-fitness-api/event-types). */
export const DEFAULT_EVENT_TYPES = [
  'auth', 'auth_cancelled', 'deauth', 'user_reauth', 'access_revoked', 'connection_error', 'permission_change',
  'google_no_datasource', 'processing', 'large_request_processing', 'large_request_sending', 'rate_limit_hit',
  'healthcheck', 's3_payload', 'activity', 'athlete', 'body', 'daily', 'menstruation', 'nutrition', 'sleep',
  'planned_workout', 'hormone', 'lab_report', 'route',
] as const;

/** Deterministic generator of secrets, tokens and ids for one server. */
export class Generator {
  private counter = 0;
  // Above 2^53, so a client that parses a destination id as a JS number loses digits and fails visibly.
  private nextId = 1937255512398764032n;

  constructor(private readonly salt: string) {}

  secret(kind: string, length = 32): string {
    this.counter += 1;
    return createHash('sha256').update(`${this.salt}:${kind}:${this.counter}`).digest('base64url').slice(0, length);
  }

  id(): string {
    this.nextId += 4099n;
    return this.nextId.toString();
  }

  uuid(kind: string): string {
    const hex = createHash('sha256').update(`${this.salt}:uuid:${kind}:${++this.counter}`).digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}

export function normalizeSources(sources: AdminEnvironmentSeed['sources']): Record<string, AdminSourceState> {
  if (!sources) return {};
  if (Array.isArray(sources)) return Object.fromEntries((sources as readonly string[]).map((code) => [code.toLowerCase(), { active: true }]));
  return Object.fromEntries(Object.entries(sources).map(([code, row]) => [code.toLowerCase(), { ...row }]));
}

const lowerKeys = <T>(record: Record<string, T> | undefined, copy: (value: T) => T): Record<string, T> =>
  Object.fromEntries(Object.entries(record ?? {}).map(([key, value]) => [key.toLowerCase(), copy(value)]));

/** A dev-id's state from its seed, with defaults for what the seed leaves out. */
export function environmentFromSeed(devId: string, seed: AdminEnvironmentSeed, gen: Generator): AdminEnvironmentState {
  const destinations: AdminDestinationState[] = (seed.destinations ?? []).map((d) => ({
    id: d.id ?? gen.id(),
    type: d.type ?? 'webhook',
    url: d.url,
    active: d.active ?? true,
    eventTypes: d.eventTypes === undefined ? null : d.eventTypes && [...d.eventTypes],
    ...(d.metadata === undefined ? {} : { metadata: d.metadata }),
    signingSecret: d.signingSecret ?? gen.secret('signing-secret'),
  }));
  const dataTypes = [...(seed.dataTypes ?? [])].filter((t) => t !== ATHLETE);
  return {
    devId,
    name: seed.name ?? devId,
    label: seed.label ?? devId,
    active: seed.active ?? true,
    billable: seed.billable ?? false,
    userLimit: seed.userLimit ?? 50,
    apiKey: seed.apiKey ?? gen.secret('api-key'),
    signingSecret: seed.signingSecret ?? gen.secret('env-signing-secret'),
    profile: seed.profile === undefined ? { name: seed.name ?? devId, billable: seed.billable ?? false } : seed.profile && { ...seed.profile },
    sources: normalizeSources(seed.sources),
    credentials: lowerKeys(seed.credentials, (c) => ({ ...c })),
    customScopes: lowerKeys(seed.customScopes, (s) => [...s]),
    destinations,
    dataTypes: [ATHLETE, ...dataTypes],
    samplesEnabled: seed.samplesEnabled ?? false,
    fields: lowerKeys(seed.fields, (f) => [...f]),
    processing: seed.processing ?? 'json',
    widget: { widgetConfigUrl: null, widgetConfig: null, widgetName: null, appLogo: null, ...seed.widget },
    events: (seed.events ?? []).map((e) => ({ ...e })),
  };
}

/** `'****' + last 4` as in the spec's examples ('****9876', '****k2Qw'), or a constant mask. */
export function mask(secret: string, mode: 'last4' | 'constant'): string {
  return mode === 'constant' || secret.length <= 4 ? '****' : `****${secret.slice(-4)}`;
}
