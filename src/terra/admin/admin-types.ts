/**
 * Request and response shapes of the admin API operations terra-iac uses, as admin-api.yaml
 * (info.version 2026.09.04.2) declares them under components.schemas. Optional members are the ones the
 * spec does not list as required.
 */

/** `MeResponse` (`getMe`). */
export interface MeResponse {
  token_id?: string;
  /** `admin` and `session` authenticate the admin API, `data` the data API only. */
  kind?: 'admin' | 'session' | 'data';
  customer_id?: string;
  scopes?: string[];
  /** Audience: the dev-ids this token may act on; null = every dev-id of the account. */
  dev_ids?: string[] | null;
  name?: string;
  created_via?: string;
  /** RFC 3339; null = never expires. */
  expires_at?: string | null;
  grant_anchor_at?: string;
  last_used_at?: string | null;
  user?: unknown;
  staff?: boolean;
}

/** `EnvironmentProfile` (nullable; `additionalProperties: false`). */
export interface EnvironmentProfile {
  dev_id?: string;
  company_id?: string;
  name?: string;
  billable?: boolean | null;
  widget_config_url?: string | null;
  widget_config?: Record<string, unknown> | null;
  widget_name?: string | null;
  app_logo?: string | null;
}

/** `DevDetail` (`getEnvironment`). */
export interface DevDetail {
  dev_id?: string;
  name?: string;
  label?: string;
  active?: boolean;
  billable?: boolean;
  profile?: EnvironmentProfile | null;
  api_key_masked?: string;
  signing_secret_masked?: string;
  user_limit?: number;
}

/** Every list: `{data, has_more, next_cursor}`, all required. */
export interface Page<T> {
  data: T[];
  has_more: boolean;
  next_cursor: string | null;
}

/** `ProviderSummary` (`listSources`); the spec requires none of its members. */
export interface ProviderSummary {
  provider?: string;
  active?: boolean;
  auth_redirect_url?: string;
}

/** `listSources` with its `Terra-Notice` advisories ("surfaced to the user rather than treated as data"). */
export interface SourceList {
  sources: ProviderSummary[];
  notices: string[];
}

/** `ProviderEnabled` (`enableSource`). */
export interface ProviderEnabled {
  provider: string;
  active: boolean;
}

/** `DryRunResult`: what `?dry_run=true` answers instead of committing. */
export interface DryRunResult {
  dry_run: true;
  would: string;
  preview: Record<string, unknown>;
}

/** `ProviderCredentialWrite` (`setSourceCredentials`): a full replace; `client_secret` is write-only. */
export interface ProviderCredentialWrite {
  client_id: string;
  client_secret: string;
  redirect_url?: string;
  verification_secret?: string;
  sandbox?: boolean;
}

/** `ProviderCredentialMaterial`. */
export interface ProviderCredentialMaterial {
  provider_client_id?: string;
  provider_client_secret_masked?: string;
}

/** `ProviderCredentials` (`getSourceCredentials`, `setSourceCredentials`). */
export interface ProviderCredentials {
  provider: string;
  has_credentials: boolean;
  terra_owned?: boolean;
  credential?: ProviderCredentialMaterial | null;
}

/** `ProviderScopes` (`getSourceScopes`, `setSourceScopes`): `scopes` is empty, never null, without custom scopes. */
export interface ProviderScopes {
  provider: string;
  scopes: string[];
}

/** `DestinationSummary`. */
export interface DestinationSummary {
  /** A string-encoded 64-bit id. */
  id: string;
  type: string;
  url: string;
  active: boolean;
  event_types?: string[];
}

/**
 * `createDestination`'s 201: a `DestinationSummary`, and in the spec's example a `signing_secret` "shown
 * once" that the schema does not declare. It is a secret: never print it.
 */
export interface CreatedDestination extends DestinationSummary {
  signing_secret?: string;
}

/** `CreateDestinationRequest`. */
export interface CreateDestinationRequest {
  /** Defaults to `webhook`. */
  type?: string;
  url: string;
  event_types?: string[];
  active?: boolean;
  /** "advanced-type credential JSON". */
  metadata?: string;
}

/** `PatchDestinationRequest`: only these two can change; a new URL is a new destination. */
export interface PatchDestinationRequest {
  active?: boolean;
  event_types?: string[];
}

/** `SelectedDataField` (`listUnifiedApiScopes`, `patchUnifiedApiScopes`). */
export interface SelectedDataField {
  data_type?: string;
  fields?: string[];
  samples_enabled?: boolean;
}

/** `SelectedDataFieldsRequest` (`patchUnifiedApiScopes`): replaces one data type's field selection. */
export interface SelectedDataFieldsRequest {
  data_type: string;
  fields?: string[];
}

/** `SelectedDataTypes` (`putUnifiedApiScopes`): the persisted selection, the implicit ATHLETE included. */
export interface SelectedDataTypes {
  scopes: string[];
  samples_enabled: boolean;
}

export type ProcessingFormat = 'json' | 'fit' | 'fhir';

/** `ProcessingType` (`listProcessing`). */
export interface ProcessingType {
  type: ProcessingFormat;
  display_name: string;
  selected: boolean;
}

/** `WidgetConfig`: exactly one of `widget_config_url` (legacy) and `widget_config` per deployment. */
export interface WidgetConfig {
  widget_config_url?: string | null;
  widget_config?: Record<string, unknown> | null;
  widget_name?: string | null;
  app_logo?: string | null;
}

/** `RotatedApiKey` (`rotateEnvironmentApiKey`): the new API key, shown once. A secret: never print it. */
export interface RotatedApiKey {
  dev_id: string;
  api_key: string;
}

/** `EventRecord` (`listWebhookEvents`). */
export interface EventRecord {
  event_id?: string;
  sent_at?: string;
  data_type?: string;
  provider?: string;
  destination_type?: string;
  http_status?: number;
  response_time_ms?: number;
  bytes?: number;
  connection_id?: string;
}

/** `listWebhookEvents` query parameters besides `cursor`. */
export interface WebhookEventFilter {
  limit?: number;
  since?: string;
  until?: string;
  outcome?: 'delivered' | 'failed';
  provider?: string;
  data_type?: string;
  user_id?: string;
  reference_id?: string;
  event_id?: string;
}
