import type { Generator } from './state';
import type { VendoredOperationId } from './vendor';
import type { AdminFaults, LocalTerraAdminOptions, TokenKind } from './options';
import type { AdminEnvironmentState } from './types';

/** What the pipeline hands a handler for one request. */

/** A registered bearer token. */
export interface TokenRecord {
  token: string;
  tokenId: string;
  kind: TokenKind;
  scopes: string[];
  devIds: string[] | null;
  expiresAt: string | null;
  name: string;
  grantAnchorAt: string;
  lastUsedAt: string | null;
}

/** Server-wide state and settings shared by every handler. */
export interface ServerContext {
  options: LocalTerraAdminOptions;
  faults: () => AdminFaults;
  gen: Generator;
  now: () => Date;
  customerId: string;
  environments: Map<string, AdminEnvironmentState>;
  /** Waits `ms`, or less when the server closes (so slow faults never outlive a test). */
  sleep: (ms: number) => Promise<void>;
}

export interface RequestContext {
  server: ServerContext;
  operationId: VendoredOperationId;
  /** Decoded path parameters (`dev_id`, `provider`, `destination_id`). */
  params: Record<string, string>;
  query: Record<string, string>;
  /** The parsed, schema-valid JSON body (undefined for operations without one). */
  body: unknown;
  token: TokenRecord;
  /** The dev-id's state, for operations under `/environments/{dev_id}`. */
  env: AdminEnvironmentState | undefined;
  /** `dry_run=true` on an operation that honours it: preview, commit nothing. */
  dryRun: boolean;
}

/** A handler's answer. A JSON body is sent as application/json, except for problems. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string | string[]>;
}

export type Handler = (ctx: RequestContext) => Reply;

/** The dev-id's state; the pipeline guarantees it for every `/environments/{dev_id}` operation. */
export function envOf(ctx: RequestContext): AdminEnvironmentState {
  if (!ctx.env) throw new Error(`${ctx.operationId}: no dev-id state (pipeline bug)`);
  return ctx.env;
}
