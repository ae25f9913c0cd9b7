import { AdminError } from './admin-error';
import type { MeResponse } from './admin-types';
import { loginCommandFor } from './problem-errors';

/** Warn this long before the token expires: a CI job that runs daily then has days to renew it. */
export const EXPIRY_WARNING_MS = 3 * 24 * 60 * 60 * 1000;

export interface TokenPlan {
  /** The dev-id the run acts on. */
  devId: string;
  /** Every scope the planned operations need (`scopesFor`). */
  requiredScopes: readonly string[];
  /** Epoch milliseconds. */
  now: number;
}

/**
 * Judges `GET /me` (`MeResponse`) against what the run is about to do, before it does any of it: the
 * token's kind, its expiry, its audience and its scopes. Throws an AdminError naming the fix; returns
 * warnings (a token expiring soon, a dashboard session token) for the caller to print.
 */
export function checkMe(me: MeResponse, plan: TokenPlan): string[] {
  const warnings: string[] = [];
  if (me.kind === 'data') {
    throw new AdminError(
      'data-token',
      'TERRA_ADMIN_TOKEN is a data token (kind data), which authenticates the data API only; the admin API takes an admin token',
      'auth',
      'export TERRA_ADMIN_TOKEN with an admin token (terra_at_…): `terra login` mints one',
    );
  }
  if (me.kind === 'session') {
    warnings.push('TERRA_ADMIN_TOKEN is a dashboard session credential, which is short-lived; for CI, mint an admin token with `terra login`');
  } else if (me.kind !== 'admin') {
    throw new AdminError('token-kind', `TERRA_ADMIN_TOKEN is of kind ${String(me.kind)}, not an admin token`, 'auth', 'export TERRA_ADMIN_TOKEN with an admin token (terra_at_…): `terra login` mints one');
  }

  if (me.expires_at) {
    const expires = Date.parse(me.expires_at);
    if (Number.isNaN(expires)) {
      warnings.push('Terra gave an expiry for TERRA_ADMIN_TOKEN that is not a date; it was not checked');
    } else if (expires <= plan.now) {
      throw new AdminError('token-expired', `TERRA_ADMIN_TOKEN expired at ${me.expires_at}`, 'auth', 'mint a new one with `terra login` (admin tokens last 30 days; `terra tokens rotate` extends one before it expires)');
    } else if (expires - plan.now <= EXPIRY_WARNING_MS) {
      const hours = Math.floor((expires - plan.now) / 3_600_000);
      warnings.push(`TERRA_ADMIN_TOKEN expires in ${hours} h (at ${me.expires_at}); renew it before then: \`terra tokens rotate\` extends it inside its 90-day grant, \`terra login\` mints a new one`);
    }
  }

  if (Array.isArray(me.dev_ids) && !me.dev_ids.includes(plan.devId)) {
    const allowed = me.dev_ids.length ? me.dev_ids.join(', ') : 'none';
    throw new AdminError('audience', `TERRA_ADMIN_TOKEN may act only on dev-ids ${allowed}, not on ${plan.devId}`, 'auth', `mint a token for it: terra login --env ${plan.devId}`);
  }

  const held = new Set(me.scopes ?? []);
  const missing = plan.requiredScopes.filter((scope) => !held.has(scope));
  if (missing.length) {
    throw new AdminError(
      'scope-missing',
      `TERRA_ADMIN_TOKEN lacks the scope${missing.length > 1 ? 's' : ''} ${missing.join(', ')} that this run needs`,
      'auth',
      // Every scope of the run, not just the missing ones: a login that names scopes may grant only those.
      `mint a token with every scope the run needs: ${loginCommandFor(plan.requiredScopes)}, then export it as TERRA_ADMIN_TOKEN`,
    );
  }
  return warnings;
}
