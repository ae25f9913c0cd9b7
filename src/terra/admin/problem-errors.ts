import { problemError, type Problem } from '../http/problem';
import { TerraCallError } from '../http/terra-call-error';
import type { AdminOperation } from './admin-operations';

/** `terra login` asks for scopes beyond the default with one `--scope` each (agent-skills terra-cli credentials.md). */
export function loginCommandFor(scopes: readonly string[]): string {
  return ['terra login', ...scopes.map((scope) => `--scope ${scope}`)].join(' ');
}

const RENEW = 'set TERRA_ADMIN_TOKEN to a current admin token (terra_at_…): `terra login` mints one, `terra tokens rotate` extends one inside its 90-day grant';

/** What an admin call learns from a non-2xx answer, per the problem's stable `code` (admin-api.yaml `ProblemExtensions`). */
export interface AnswerContext {
  operation: string;
  spec: AdminOperation;
  status: number;
  problem: Problem | undefined;
  retryAfterMs?: number;
  devId?: string;
}

/**
 * The typed error for an admin answer. Auth problems exit as `auth`, configuration problems as `config`,
 * everything else (state conflicts, server trouble) as `io`; the message names what to do.
 */
export function adminAnswerError(context: AnswerContext): TerraCallError {
  const { operation, status, retryAfterMs } = context;
  const problem: Problem = context.problem ?? { errors: [] };
  const detail = problem.detail ?? problem.title;
  const because = detail ? ` (${detail})` : '';
  const make = (message: string, exitKind: TerraCallError['exitKind'], hint?: string) => problemError(operation, status, problem, { retryAfterMs, message, exitKind, hint });
  switch (problem.code) {
    case 'scope_missing': {
      const scope = /scope:\s*([a-z_]+:[a-z_]+)/i.exec(problem.detail ?? '')?.[1];
      const missing = scope ? [scope] : context.spec.scopes;
      const named = missing.length ? missing.join(' and ') : 'a scope this call needs';
      return make(
        `${operation} was refused: TERRA_ADMIN_TOKEN lacks the scope ${named}`,
        'auth',
        `mint a token that has it: ${loginCommandFor(missing)} (with a --scope for every other scope the run needs), then export it as TERRA_ADMIN_TOKEN`,
      );
    }
    case 'unauthorized':
      return make(`${operation} was refused: Terra does not accept TERRA_ADMIN_TOKEN${because}`, 'auth', RENEW);
    case 'token_expired':
      return make(`${operation} was refused: TERRA_ADMIN_TOKEN has expired${because}`, 'auth', RENEW);
    case 'audience_restricted':
      return make(`${operation} was refused: TERRA_ADMIN_TOKEN may not act on dev-id ${context.devId ?? '(this one)'}${because}`, 'auth', `mint a token for it: terra login --env ${context.devId ?? '<dev-id>'}`);
    case 'access_denied':
      return make(
        `${operation} was refused: the Terra account lacks the entitlement this needs${because}`,
        'auth',
        'some data types (HEALTH_OBSERVATION, for one) need an entitlement on the account: remove them from the declaration or ask Terra to enable it',
      );
    case 'dev_id_not_found':
      return make(
        `Terra does not know dev-id ${context.devId ?? '(this one)'}, or the token's account does not own it (${operation}, HTTP ${status})`,
        'config',
        'check terra.devId in the environment file; `terra environments list` shows the dev-ids this token can see',
      );
    case 'unsupported_operation':
      return make(`${operation} is not supported here${because}`, 'config', problem.remediation ?? 'this provider or object does not support it through the admin API: remove it from the declaration');
    case 'validation_failed': {
      const fields = problem.errors.length ? `: ${problem.errors.join('; ')}` : '';
      return make(`${operation} was rejected as invalid${because}${fields}`, 'config', problem.remediation);
    }
    case 'idempotency_key_reuse':
      return make(
        `${operation} reused an Idempotency-Key with a different body${because}: this is a terra-iac bug (each change gets its own key), please report it`,
        'io',
      );
    case 'conflict':
      return make(`${operation} conflicts with the current state in Terra${because}`, 'io', problem.remediation ?? 'read the current state (terra-iac drift) and try again');
    default:
      return problemError(operation, status, problem, { retryAfterMs, exitKind: status === 401 || status === 403 ? 'auth' : 'io' });
  }
}

/**
 * Retried: 429 (Retry-After within the budget), 5xx, the transient problem codes `not_ready`,
 * `dependency_failed`, `service_unavailable` and `rate_limited`, network failures and an attempt that ran
 * out of time. Mutations are safe to repeat: every retry carries the same Idempotency-Key.
 */
export function adminRetryable(error: TerraCallError): boolean {
  if (error.kind === 'network' || error.kind === 'timeout') return true;
  if (error.kind !== 'http') return false;
  if (['not_ready', 'dependency_failed', 'service_unavailable', 'rate_limited'].includes(error.code ?? '')) return true;
  return error.status === 429 || (error.status !== undefined && error.status >= 500);
}
