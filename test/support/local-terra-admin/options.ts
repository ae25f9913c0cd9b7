import type { IncomingHttpHeaders } from 'node:http';
import type { AdminEnvironmentSeed, AdminEnvironmentState, AdminSeed } from './types';

/** Tokens, faults and options of the local admin server, and the handle `startLocalTerraAdmin()` returns. */

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
