import type { IncomingHttpHeaders } from 'node:http';

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

/** `MeResponse.kind`. Data tokens (`terra_dt_*`) never authenticate the admin API. */
export type TokenKind = 'admin' | 'session' | 'data';

export interface TokenSpec {
  scopes: readonly string[];
  /** The token's audience (`MeResponse.dev_ids`); undefined or null = every dev-id of the account. */
  devIds?: readonly string[] | null;
  /** ISO 8601; null = never expires. Default: 30 days after `now()` (`expires_in: 2592000`). */
  expiresAt?: string | null;
  kind?: TokenKind;
  name?: string;
}

/** Restricts a fault to some operations (operationIds) and to the first `times` matching requests. */
export interface FaultTarget {
  operations?: readonly string[];
  /** Unlimited when left out. */
  times?: number;
}

/** Misbehaviour on demand; `setFaults()` replaces the whole set and resets the counters. */
export interface AdminFaults {
  /** 429 `rate_limited` with `Retry-After` for the first `times` requests of each method and path. */
  rateLimit?: { times: number; retryAfterSeconds: number; operations?: readonly string[] };
  /** 500 `internal_error` (nothing committed). */
  serverError?: FaultTarget;
  /** Wait this long before answering. */
  delayMs?: number;
  /** 200 with a body that is not JSON. */
  malformedJson?: FaultTarget;
  /** Commit the mutation (and its idempotency record), then destroy the socket without answering. */
  lostResponse?: FaultTarget;
  /** `createDestination` answers without `signing_secret`. */
  noSigningSecret?: boolean;
  /** An idempotent replay of `createDestination` leaves out `signing_secret`. */
  replayWithoutSigningSecret?: boolean;
  /** Page size for every list (overrides the option). */
  pageSize?: number;
  /** Lists ignore `cursor` and repeat the first page, keeping `has_more: true`. */
  cursorIgnored?: boolean;
  /** A second destination with the same URL is 409 `conflict`. */
  duplicateUrlConflict?: boolean;
  /** Every bearer is unknown: 401 `unauthorized`. */
  unauthorized?: boolean;
  /** This scope is treated as missing from every token: 403 `scope_missing`. */
  missingScope?: string;
  /** Every dev-id is unknown: 404 `dev_id_not_found`. */
  devIdNotFound?: boolean;
  /**
   * Test-only: rewrite a response body before the contract check, to prove the check is real.
   * Return the body to send.
   */
  corruptResponse?: (operationId: string, status: number, body: unknown) => unknown;
}

export interface LocalTerraAdminOptions {
  seed?: AdminSeed;
  /** 0 (default) picks a free port. */
  port?: number;
  /** The server's clock, for token expiry, `last_used_at`, rate-limit windows and event windows. */
  now?: () => Date;
  /** Added to every response. */
  latencyMs?: number;
  /** Items per page on every list; unlimited by default. */
  pageSize?: number;
  /**
   * Provider codes in paths. `insensitive` (default) accepts `GARMIN` and `garmin` and answers lowercase;
   * `lowercase-only` answers 404 `not_found` to any upper-case code.
   */
  casing?: 'insensitive' | 'lowercase-only';
  /** `last4` (default): `'****' + last 4 characters`; `constant`: always `'****'`. */
  mask?: 'last4' | 'constant';
  /** The admin source catalogue (lowercase codes); anything else is 404 `not_found`. Default: any `[a-z0-9_]+`. */
  providers?: readonly string[];
  /** Providers whose credentials PUT is 422 `unsupported_operation`. */
  noCustomCredentials?: readonly string[];
  /** Account entitlements; `health_observation` allows the HEALTH_OBSERVATION data type. */
  entitlements?: readonly string[];
  /** A second destination with the same URL: allowed (default) or 409 `conflict`. */
  duplicateUrl?: 'allow' | 'conflict';
  /** A dev-id outside the token's audience: 404 `dev_id_not_found` (default) or 403 `audience_restricted`. */
  audience?: 'not-found' | 'restricted';
  /** Which widget field the deployment serves and accepts. Default `legacy` (as every spec example). */
  widgetDeployment?: 'legacy' | 'environments';
  /** `dry_run=true` honoured where declared (plus `setProcessing`, which says so in prose), or on every mutation. */
  dryRun?: 'declared' | 'all-mutations';
  /** Destination `event_types` the server accepts. Default: Terra's webhook event types. */
  eventTypes?: readonly string[];
  /** Mutations per token per window; beyond it, 429. Default 1000 per 60 s. */
  rateLimit?: { limit: number; windowSeconds: number };
  /** The `Terra-Notice` headers of `listSources`. */
  notices?: readonly string[];
  /**
   * What a response that breaks the spec does: `throw` (default) answers 500 and makes `close()` reject;
   * `record` only appends to `contractViolations`.
   */
  contract?: 'throw' | 'record';
  faults?: AdminFaults;
}

/** One request as the server saw it. */
export interface SeenAdminRequest {
  method: string;
  /** Path without the query, e.g. `/api/v3/admin/me`. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: string;
  /** The matched operationId, if any. */
  operationId?: string;
}

export interface LocalTerraAdmin {
  /** e.g. http://127.0.0.1:PORT */
  origin: string;
  /** `${origin}/api/v3/admin` (admin-api.yaml `servers`). */
  baseUrl: string;
  port: number;
  requests: SeenAdminRequest[];
  /** Responses the fake sent (or refused to send) that break admin-api.yaml; empty unless the fake has a bug. */
  contractViolations: string[];
  /** A deep copy of one dev-id's state. Throws for an unknown dev-id. */
  state(devId: string): AdminEnvironmentState;
  /** Out-of-band ("dashboard") edit of one dev-id's live state. */
  mutate(devId: string, edit: (state: AdminEnvironmentState) => void): void;
  /** Adds a dev-id after start (as if created in the dashboard). */
  addEnvironment(devId: string, seed?: AdminEnvironmentSeed): void;
  /** Registers a bearer token and returns it (`terra_at_…`, or `terra_dt_…` for kind `data`). */
  issueToken(spec: TokenSpec): string;
  setFaults(faults: AdminFaults): void;
  /** Stops the server; rejects when the fake broke the contract (unless `contract: 'record'`). */
  close(): Promise<void>;
}
