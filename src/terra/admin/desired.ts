import { adminCode, isAdminSource } from '../../catalog/admin-codes';
import type { WebhookEventType } from '../../catalog/webhook-event-types';
import type { DedicatedKeys } from '../../model/dedicated-keys';
import { declaredProviders, isProviderEnabled } from '../../model/enabled-providers';
import type { Environment } from '../../model/environment';
import type { ProviderSettings } from '../../model/providers';
import type { SecretRef } from '../../model/secret-ref';
import type { NotAppliable } from './changes';
import { desiredData, desiredWidget, type DesiredData, type DesiredWidget } from './desired-data';
import { notAppliableFacts } from './not-appliable';
import { normalizeScopes, sortedUnique } from './normalize';

/** What `apply` does with a provider Terra has enabled that config/ does not declare. */
export type UndeclaredProviders = 'disable' | 'keep';

interface ProviderKey {
  /** The code as config/ spells it: `GARMIN`. */
  provider: string;
  /** The admin API's path code: `garmin`. */
  adminCode: string;
}

/** A provider Terra must have on (`enableSource`) or off (`disableSource`). */
export interface DesiredSource extends ProviderKey {
  enabled: boolean;
}

/**
 * The credential document `setSourceCredentials` writes (a full replace). Secrets are references, resolved
 * only when the call is made.
 */
export interface DesiredCredentials extends ProviderKey {
  clientId: string;
  clientSecret: SecretRef;
  redirectUrl?: string;
  verificationSecret?: SecretRef;
  sandbox?: boolean;
  /** Rewrite trigger: a change from the version the last apply recorded forces a write. */
  secretVersion?: number;
}

/** The custom OAuth scopes of an enabled source, sorted and unique; empty means Terra's defaults. */
export interface DesiredScopes extends ProviderKey {
  scopes: readonly string[];
}

/** The one webhook destination of the environment. */
export interface DesiredWebhook {
  url: string;
  active: boolean;
  /** Sorted and unique; undefined subscribes to every event type. */
  eventTypes?: readonly WebhookEventType[];
  /** Where the destination's signing secret is kept, and where apply stores a new one. */
  signingSecret: SecretRef;
  /** Rotation trigger: a change from the version the last apply recorded replaces the destination. */
  signingSecretVersion?: number;
}

/** One environment as Terra's admin API should hold it: a pure projection of the validated model. */
export interface DesiredTerraState {
  environment: string;
  devId: string;
  adminBaseUrl?: string;
  undeclaredProviders: UndeclaredProviders;
  /** Admin codes of every provider config/ declares, sources or not: these are never "undeclared". */
  declared: readonly string[];
  /** By provider code. */
  sources: readonly DesiredSource[];
  /** For enabled sources with dedicated keys, by provider code. */
  credentials: readonly DesiredCredentials[];
  /** For every enabled source, by provider code. */
  scopes: readonly DesiredScopes[];
  webhook?: DesiredWebhook;
  /** Data types, fields and processing; undefined when config/ does not manage them. */
  data?: DesiredData;
  /** Widget branding; undefined when config/ does not manage it. */
  widget?: DesiredWidget;
  notAppliable: readonly NotAppliable[];
}

/** The desired admin-API state of one environment. Pure: no I/O, no secret values. */
export function desiredTerraState(environmentName: string, model: Environment): DesiredTerraState {
  const declared = declaredProviders(model);
  const admin = declared
    .filter(([code]) => isAdminSource(code))
    .map(([code, settings]) => ({ key: { provider: code, adminCode: adminCode(code) }, settings }))
    .sort((a, b) => a.key.provider.localeCompare(b.key.provider));
  const enabled = admin.filter(({ settings }) => isProviderEnabled(settings));
  const state: DesiredTerraState = {
    environment: environmentName,
    devId: model.terra.devId,
    undeclaredProviders: model.terra.admin?.undeclaredProviders ?? 'disable',
    declared: sortedUnique(declared.map(([code]) => adminCode(code))),
    sources: admin.map(({ key, settings }) => ({ ...key, enabled: isProviderEnabled(settings) })),
    credentials: enabled.flatMap(({ key, settings }) => (settings.dedicatedKeys ? [credentialsOf(key, settings.dedicatedKeys)] : [])),
    scopes: enabled.map(({ key, settings }) => ({ ...key, scopes: normalizeScopes(key.provider, declaredScopes(settings)) })),
    notAppliable: notAppliableFacts(model),
  };
  if (model.terra.admin?.baseUrl) state.adminBaseUrl = model.terra.admin.baseUrl;
  if (model.webhook) state.webhook = webhookOf(model.webhook);
  const data = desiredData(model);
  if (data) state.data = data;
  const widget = desiredWidget(model);
  if (widget) state.widget = widget;
  return state;
}

/**
 * `scopes` is the generic field; Google's app settings carry their own list, which means the same
 * (the `google-scopes-agree` rule reports the two when they differ, so `scopes` wins here only then).
 */
function declaredScopes(settings: ProviderSettings): readonly string[] {
  if (settings.scopes) return settings.scopes;
  const keys = settings.dedicatedKeys;
  return keys && 'scopes' in keys ? keys.scopes : [];
}

function credentialsOf(key: ProviderKey, keys: DedicatedKeys): DesiredCredentials {
  // Virtuagym: "enter your portal name as the client ID and the API key as the client secret".
  const credentials: DesiredCredentials =
    'portalName' in keys
      ? { ...key, clientId: keys.portalName, clientSecret: keys.apiKey }
      : { ...key, clientId: keys.clientId, clientSecret: keys.clientSecret };
  if ('redirectUrl' in keys && keys.redirectUrl !== undefined) credentials.redirectUrl = keys.redirectUrl;
  if (keys.verificationSecret) credentials.verificationSecret = keys.verificationSecret;
  if (keys.sandbox !== undefined) credentials.sandbox = keys.sandbox;
  if (keys.secretVersion !== undefined) credentials.secretVersion = keys.secretVersion;
  return credentials;
}

function webhookOf(webhook: NonNullable<Environment['webhook']>): DesiredWebhook {
  const desired: DesiredWebhook = { url: webhook.url, active: webhook.active ?? true, signingSecret: webhook.signingSecret };
  if (webhook.eventTypes) desired.eventTypes = sortedUnique(webhook.eventTypes);
  if (webhook.signingSecretVersion !== undefined) desired.signingSecretVersion = webhook.signingSecretVersion;
  return desired;
}
