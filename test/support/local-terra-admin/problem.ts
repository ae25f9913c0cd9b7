import { STATUS_CODES } from 'node:http';

/**
 * problem+json bodies as admin-api.yaml defines them (`Problem` = RFC 9457 core + `ProblemExtensions`):
 * `type`, `title` (the lowercased status text), `instance` (request path and query) and `code` always;
 * `detail`, `remediation` and `errors[]` where they help; never `status`.
 */

/** `ProblemExtensions.code` values the fake uses. */
export type ProblemCode =
  | 'access_denied'
  | 'audience_restricted'
  | 'conflict'
  | 'dev_id_not_found'
  | 'idempotency_key_reuse'
  | 'internal_error'
  | 'not_found'
  | 'rate_limited'
  | 'scope_missing'
  | 'token_expired'
  | 'unauthorized'
  | 'unsupported_operation'
  | 'validation_failed';

export interface ProblemBody {
  type: string;
  title: string;
  instance: string;
  code: ProblemCode;
  detail?: string;
  remediation?: string;
  errors?: string[];
}

/** Thrown by handlers and the pipeline; the server turns it into a problem+json reply. */
export class AdminProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly detail: string,
    readonly extra: { remediation?: string; errors?: string[]; headers?: Record<string, string> } = {},
  ) {
    super(`${status} ${code}: ${detail}`);
  }

  body(instance: string): ProblemBody {
    return {
      type: 'about:blank',
      title: (STATUS_CODES[this.status] ?? 'error').toLowerCase(),
      instance,
      code: this.code,
      detail: this.detail,
      ...(this.extra.remediation ? { remediation: this.extra.remediation } : {}),
      ...(this.extra.errors ? { errors: this.extra.errors } : {}),
    };
  }
}

export const validationFailed = (errors: string[], detail = 'request validation failed'): AdminProblem =>
  new AdminProblem(400, 'validation_failed', detail, { errors });

export const notFound = (detail: string): AdminProblem => new AdminProblem(404, 'not_found', detail);

export const devIdNotFound = (): AdminProblem =>
  new AdminProblem(404, 'dev_id_not_found', 'dev-id not found', { remediation: 'Confirm the dev-id via `GET /environments`.' });
