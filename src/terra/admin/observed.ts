import type { AdminObject } from './changes';
import type { ObservedData, ObservedWidget } from './observed-data';

/** One row of `listSources` (ProviderSummary): a provider as Terra spells it, and whether it is on. */
export interface ObservedSource {
  /** As Terra lists it (`garmin`); compared without case. */
  provider: string;
  /** ProviderSummary.active; the list is of enabled providers, so a row without it counts as on. */
  active: boolean;
  /** ProviderSummary.auth_redirect_url: shown, not compared (its meaning is not documented). */
  authRedirectUrl?: string;
}

/** `getSourceCredentials` (ProviderCredentials with its ProviderCredentialMaterial), flattened. */
export interface ObservedCredentials {
  provider: string;
  /** has_credentials */
  hasCredentials: boolean;
  /** terra_owned: the source runs on Terra's keys. */
  terraOwned?: boolean;
  /** credential.provider_client_id */
  clientId?: string;
  /**
   * credential.provider_client_secret_masked (`****4321`). Held only to compare its last characters; never
   * shown by drift or apply.
   */
  secretMask?: string;
}

/** `getSourceScopes` (ProviderScopes): empty when the provider has no custom scopes, never null. */
export interface ObservedScopes {
  provider: string;
  scopes: readonly string[];
}

/** One row of `listDestinations` (DestinationSummary). The signing secret is never readable. */
export interface ObservedDestination {
  /** String-encoded 64-bit id. */
  id: string;
  /** `webhook`, `s3`, `sqs`, ...: only webhooks are compared. */
  type: string;
  url: string;
  active: boolean;
  /** Left out or empty: every event type (UNCONFIRMED: how Terra lists a destination created without them). */
  eventTypes?: readonly string[];
}

/** A read Terra refused or that failed, so whatever it covers is unverifiable rather than "in sync". */
export interface UnreadPart {
  object: AdminObject;
  /** Provider code (either spelling) or destination URL; `*` for every object of the kind. */
  key: string;
  reason: string;
}

/**
 * Terra's live admin-API state of one environment, normalized from the GET responses (`listSources`,
 * `getSourceCredentials`, `getSourceScopes`, `listDestinations`). A credentials or scopes entry missing for a
 * declared provider counts as not read.
 */
export interface ObservedTerraState {
  sources: readonly ObservedSource[];
  credentials: readonly ObservedCredentials[];
  scopes: readonly ObservedScopes[];
  destinations: readonly ObservedDestination[];
  /** Read only when config/ manages any of it (`listUnifiedApiScopes`, `listProcessing`). */
  data?: ObservedData;
  /** Read only when config/ manages the widget (`getWidgetConfig`). */
  widget?: ObservedWidget;
  unread?: readonly UnreadPart[];
  /** `Terra-Notice` headers, passed through for the report. */
  notices?: readonly string[];
}

/** Why `key` of `object` was not read, if it was not. */
export function unreadReason(observed: ObservedTerraState, object: AdminObject, key: string): string | undefined {
  const keyOf = key.toLowerCase();
  return observed.unread?.find((u) => u.object === object && (u.key === '*' || u.key.toLowerCase() === keyOf))?.reason;
}
