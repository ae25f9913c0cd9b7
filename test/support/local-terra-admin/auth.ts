import type { IncomingHttpHeaders } from 'node:http';
import { AdminProblem, devIdNotFound } from './problem';
import type { ServerContext, TokenRecord } from './context';
import type { AdminEnvironmentState } from './types';

/**
 * The `adminToken` scheme of admin-api.yaml: a bearer `terra_at_*` token with scopes and an optional
 * dev-id audience. "This surface accepts ONLY admin tokens; data tokens … authenticate the data API only".
 */
export function authenticate(headers: IncomingHttpHeaders, server: ServerContext, tokens: Map<string, TokenRecord>): TokenRecord {
  const match = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '');
  const unauthorized = (detail: string) =>
    new AdminProblem(401, 'unauthorized', detail, { remediation: 'Obtain a new one via the device flow or your dashboard.' });
  if (!match) throw unauthorized('missing bearer token');
  const record = tokens.get(match[1]!);
  if (!record || server.faults().unauthorized) throw unauthorized('unknown access token');
  if (record.kind === 'data') throw unauthorized('data tokens authenticate the data API only');
  if (record.expiresAt !== null && Date.parse(record.expiresAt) <= server.now().getTime()) {
    throw new AdminProblem(401, 'token_expired', 'access token expired', {
      remediation: 'Rotate it with POST /tokens/self/rotate within the grant, or obtain a new one via the device flow.',
    });
  }
  record.lastUsedAt = server.now().toISOString();
  return record;
}

/** The token's scopes, minus one the `missingScope` fault takes away. */
export function effectiveScopes(server: ServerContext, token: TokenRecord): string[] {
  const removed = server.faults().missingScope;
  return token.scopes.filter((s) => s !== removed);
}

/** 403 `scope_missing` naming each scope the operation requires and the token lacks. */
export function requireScopes(server: ServerContext, token: TokenRecord, required: readonly string[]): void {
  const held = new Set(effectiveScopes(server, token));
  const missing = required.filter((s) => !held.has(s));
  if (missing.length === 0) return;
  const list = missing.join(', ');
  throw new AdminProblem(403, 'scope_missing', `token is missing the required scope${missing.length > 1 ? 's' : ''}: ${list}`, {
    remediation: `Request a new token that includes ${list} (device flow or dashboard) and approve the additional scope.`,
  });
}

/**
 * The dev-id's state, or the spec's NotFound "(or not owned — no existence oracle)": a dev-id outside the
 * token's audience looks exactly like one that does not exist, unless `audience: 'restricted'`.
 */
export function resolveEnvironment(server: ServerContext, token: TokenRecord, devId: string): AdminEnvironmentState {
  if (token.devIds !== null && !token.devIds.includes(devId)) {
    if (server.options.audience === 'restricted') {
      throw new AdminProblem(403, 'audience_restricted', `token audience does not include dev-id ${devId}`, {
        remediation: 'Use a token whose audience includes this dev-id (terra login --env <dev-id>).',
      });
    }
    throw devIdNotFound();
  }
  const env = server.environments.get(devId);
  if (!env || server.faults().devIdNotFound) throw devIdNotFound();
  return env;
}
