/**
 * The shapes of the local admin server's state and seed. State is what Terra would hold for one dev-id,
 * in camelCase; the server renders it into the admin API's snake_case schemas (admin-api.yaml
 * `components.schemas`). Drift and apply tests seed it, edit it out of band with `mutate()` and read it
 * back with `state()`.
 */

/** `ProcessingType.type` in admin-api.yaml. */
export type ProcessingKind = 'json' | 'fit' | 'fhir';

/** One provider ("source") row, keyed by its lowercase admin code (`ProviderSummary`). */
export interface AdminSourceState {
  /** `ProviderSummary.active`. A disabled source stays listed with `active: false`; a never-enabled one is absent. */
  active: boolean;
  /** `ProviderSummary.auth_redirect_url`, when Terra reports one. */
  authRedirectUrl?: string;
}

/** Dedicated OAuth credentials as written with `setSourceCredentials` (`ProviderCredentialWrite`). */
export interface AdminCredentialState {
  clientId: string;
  /** Write-only in the API: reads show `provider_client_secret_masked` only. */
  clientSecret: string;
  redirectUrl?: string;
  verificationSecret?: string;
  sandbox?: boolean;
}

/** A destination (`DestinationSummary` plus what Terra keeps but never shows again). */
export interface AdminDestinationState {
  /** String-encoded 64-bit integer, as Terra's ids are. */
  id: string;
  type: string;
  url: string;
  active: boolean;
  /** `null`: created without `event_types`, which subscribes to everything; the list then omits the field. */
  eventTypes: string[] | null;
  metadata?: string;
  /** Returned by `createDestination` only (its 201 example), never by the list or PATCH. */
  signingSecret: string;
}

/** The environment profile row (`EnvironmentProfile`); null until `createEnvironmentProfile` or a seed makes one. */
export interface AdminProfileState {
  name: string;
  billable: boolean | null;
}

/**
 * Widget branding (`WidgetConfig`). Which of `widgetConfigUrl` / `widgetConfig` is served depends on the
 * deployment (option `widgetDeployment`): "Exactly one of widget_config_url / widget_config is served
 * (and accepted on PUT) per deployment".
 */
export interface AdminWidgetState {
  widgetConfigUrl: string | null;
  widgetConfig: Record<string, unknown> | null;
  widgetName: string | null;
  appLogo: string | null;
}

/** One webhook delivery record (`EventRecord`), seedable for `listWebhookEvents`. */
export interface AdminWebhookEvent {
  eventId: string;
  /** ISO 8601 date-time. */
  sentAt: string;
  dataType: string;
  provider: string;
  destinationType: string;
  /** 2xx is `outcome=delivered`, anything else `outcome=failed`. */
  httpStatus: number;
  responseTimeMs: number;
  bytes: number;
  connectionId: string;
  /** Filter keys of `listWebhookEvents` that `EventRecord` does not show. */
  userId?: string;
  referenceId?: string;
}

/** Everything the server holds for one dev-id. */
export interface AdminEnvironmentState {
  devId: string;
  /** `DevDetail.name` when no profile exists; the profile's name wins otherwise. */
  name: string;
  label: string;
  active: boolean;
  billable: boolean;
  userLimit: number;
  /** The legacy API key (`DevKeys.api_key`); `DevDetail.api_key_masked` shows its last four characters. */
  apiKey: string;
  /** The environment-level signing secret (`DevKeys.signing_secret`, `DevDetail.signing_secret_masked`). */
  signingSecret: string;
  profile: AdminProfileState | null;
  /** Keyed by lowercase admin code. */
  sources: Record<string, AdminSourceState>;
  /** Keyed by lowercase admin code. */
  credentials: Record<string, AdminCredentialState>;
  /** Custom OAuth scopes per provider (`ProviderScopes`), keyed by lowercase admin code. */
  customScopes: Record<string, string[]>;
  /** In creation order. */
  destinations: AdminDestinationState[];
  /** Selected data types as upper-case tokens, ATHLETE always first (`SelectedDataTypes.scopes`). */
  dataTypes: string[];
  /** The SAMPLES flag (`SelectedDataTypes.samples_enabled`). */
  samplesEnabled: boolean;
  /** Field selection per lowercase data type (`SelectedDataField`). */
  fields: Record<string, string[]>;
  processing: ProcessingKind;
  widget: AdminWidgetState;
  /** Newest last or in any order: `listWebhookEvents` sorts by `sentAt`, newest first. */
  events: AdminWebhookEvent[];
}

/** A destination in a seed: the id and signing secret are generated when left out. */
export type AdminDestinationSeed = Partial<AdminDestinationState> & { url: string };

/** One dev-id in a seed. Everything is optional; see `defaultEnvironment()` for what is filled in. */
export interface AdminEnvironmentSeed {
  name?: string;
  label?: string;
  active?: boolean;
  billable?: boolean;
  userLimit?: number;
  apiKey?: string;
  signingSecret?: string;
  profile?: AdminProfileState | null;
  /** Enabled sources: a list of codes (all active) or rows by code. Codes are lower-cased. */
  sources?: readonly string[] | Record<string, AdminSourceState>;
  credentials?: Record<string, AdminCredentialState>;
  customScopes?: Record<string, string[]>;
  destinations?: readonly AdminDestinationSeed[];
  /** Upper-case tokens; ATHLETE is added when missing. */
  dataTypes?: readonly string[];
  samplesEnabled?: boolean;
  fields?: Record<string, string[]>;
  processing?: ProcessingKind;
  widget?: Partial<AdminWidgetState>;
  events?: readonly AdminWebhookEvent[];
}

/** The whole seed: the account and its dev-ids. JSON-serializable, so the CLI reads it from `--seed FILE.json`. */
export interface AdminSeed {
  /** `MeResponse.customer_id` and `EnvironmentProfile.company_id`. Default `cus_local01`. */
  customerId?: string;
  environments: Record<string, AdminEnvironmentSeed>;
}
