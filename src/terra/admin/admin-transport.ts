import { VERSION } from '../../core/version';
import { BODY_LIMITS } from '../http/body-limits';
import { SYSTEM_CLOCK, type Clock } from '../http/clock';
import { HttpClient, type FetchFn, type HttpResponse } from '../http/http-client';
import { parseProblem } from '../http/problem';
import { createRedactor, sanitizeRemoteText } from '../http/redact';
import type { RetryPolicy } from '../http/retry';
import { TerraCallError, parseRetryAfter } from '../http/terra-call-error';
import { AdminError } from './admin-error';
import { ADMIN_OPERATIONS, operationPath, type AdminOperationId } from './admin-operations';
import { readAdminToken, type EnvSource } from './admin-token';
import { AdminPacer, DEFAULT_PACING, type PacingPolicy } from './pacer';
import { adminAnswerError, adminRetryable } from './problem-errors';
import type { Read } from './shape';

export interface AdminClientOptions {
  /** Already resolved with `resolveAdminBaseUrl` (the spec gives no host). */
  baseUrl: string;
  /** Where `TERRA_ADMIN_TOKEN` is read from at every call; kept in a closure, never on the client. */
  env: EnvSource;
  /** Refuse every method but GET before sending (drift). */
  readOnly?: boolean;
  pacing?: PacingPolicy;
  retry?: RetryPolicy;
  /** Time budget of one logical call, retries and waits included; default 60 s. */
  budgetMs?: number;
  /** Longest one attempt may take; default 30 s, the terra CLI's `--timeout` default. */
  attemptTimeoutMs?: number;
  clock?: Clock;
  fetch?: FetchFn;
  random?: () => number;
  /** Default: a random UUID (Web Crypto). */
  newIdempotencyKey?: () => string;
}

/** Five attempts in all: enough to ride out a rate limit with Retry-After, bounded by the budget anyway. */
const ADMIN_RETRY_POLICY: RetryPolicy = { maxRetries: 4, baseDelayMs: 500, maxDelayMs: 8000 };

/** One call as a typed method describes it. */
export interface AdminCall<T> {
  id: AdminOperationId;
  /** `{dev_id}`, `{provider}`, `{destination_id}`. */
  segments: Readonly<Record<string, string>>;
  query?: Readonly<Record<string, string | number | boolean | undefined>>;
  body?: unknown;
  /** Secret values in the body (a client secret): redacted from messages like the token. */
  secrets?: readonly (string | undefined)[];
  /** Reads a 2xx body (undefined for an empty one). */
  read: (body: unknown, response: HttpResponse) => Read<T>;
}

/**
 * The admin API's request machinery, under the typed methods of TerraAdminClient: bearer token read at
 * call time, pacing shared by every request of the client, retries with one Idempotency-Key per logical
 * mutation, problem+json answers turned into typed errors, read-only mode.
 */
export class AdminTransport {
  readonly readOnly: boolean;
  private readonly token: () => string;
  private readonly pacer: AdminPacer;
  private readonly clock: Clock;
  private readonly options: Omit<AdminClientOptions, 'env'>;

  constructor({ env, ...options }: AdminClientOptions) {
    this.options = options;
    this.readOnly = options.readOnly ?? false;
    this.clock = options.clock ?? SYSTEM_CLOCK;
    // The environment object stays in this closure: the client holds no token and no env that could be serialized.
    this.token = () => readAdminToken(env);
    this.pacer = new AdminPacer(options.pacing ?? DEFAULT_PACING, this.clock);
  }

  async call<T>(call: AdminCall<T>): Promise<T> {
    const spec = ADMIN_OPERATIONS[call.id];
    const path = operationPath(call.id, call.segments);
    const operation = `${spec.method} ${path} (${call.id})`;
    if (this.readOnly && spec.method !== 'GET') {
      throw new AdminError('read-only', `refused to send ${operation}: this admin client is read-only (drift sends GET requests only)`, 'io', 'this is a terra-iac bug, please report it');
    }
    const token = this.token();
    const redact = createRedactor([token, ...(call.secrets ?? [])]);
    const http = new HttpClient({
      baseUrl: this.options.baseUrl,
      redact,
      headerLabels: { authorization: 'the admin token (TERRA_ADMIN_TOKEN)' },
      clock: this.clock,
      fetch: this.options.fetch,
      limiter: this.pacer.lane(spec.method),
    });
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json, application/problem+json', 'user-agent': `terra-iac/${VERSION}` };
    // One key per logical mutation, the same on every retry: a replay returns the stored answer instead of acting twice.
    if (spec.method !== 'GET') headers['idempotency-key'] = (this.options.newIdempotencyKey ?? (() => globalThis.crypto.randomUUID()))();
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    const devId = call.segments.dev_id;
    return http.request(
      {
        operation,
        method: spec.method,
        url: `${path}${queryString(call.query)}`,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        maxBodyBytes: BODY_LIMITS.adminApi,
        attemptTimeoutMs: this.options.attemptTimeoutMs ?? 30_000,
      },
      {
        deadline: this.clock.now() + (this.options.budgetMs ?? 60_000),
        retry: this.options.retry ?? ADMIN_RETRY_POLICY,
        retryable: adminRetryable,
        budgetName: 'the time budget of this admin call',
        random: this.options.random,
        check: (response) => {
          const text = response.text();
          if (response.status < 200 || response.status >= 300) {
            if (response.status === 429) this.pacer.rateLimited();
            const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), this.clock.now());
            throw adminAnswerError({ operation, spec, status: response.status, problem: parseProblem(text, redact), retryAfterMs, devId });
          }
          let body: unknown;
          if (text.trim() !== '') {
            try {
              body = JSON.parse(text);
            } catch {
              throw new TerraCallError({ operation, kind: 'malformed', status: response.status, message: `${operation} answered HTTP ${response.status} with a body that is not JSON` });
            }
          }
          const read = call.read(body, response);
          if (read.ok) return read.value;
          throw new TerraCallError({ operation, kind: 'malformed', status: response.status, message: `${operation} answered with an unexpected body: ${sanitizeRemoteText(redact(read.reason))}` });
        },
      },
    );
  }
}

function queryString(query: AdminCall<unknown>['query']): string {
  const entries = Object.entries(query ?? {}).filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined);
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]): [string, string] => [k, String(v)])).toString()}` : '';
}
