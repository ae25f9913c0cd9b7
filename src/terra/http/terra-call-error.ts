import { TerraIacError, type ExitKind } from '../../core/errors';
import type { Problem } from './problem-document';

/**
 * How a call to Terra (or to a webhook receiver) went wrong:
 * - `http`: an answer with a non-2xx status;
 * - `timeout`: no complete answer within the time left;
 * - `network`: no answer at all (connection refused, DNS, TLS, reset);
 * - `malformed`: an answer that is not the JSON the contract describes;
 * - `redirect`: a redirect terra-iac refuses to follow (another origin, or too many hops);
 * - `too-large`: an answer bigger than the cap for that call, of which only the cap was read;
 * - `local`: nothing was sent, because the request itself is wrong (URL, credential characters);
 * - `truncated`: a paged list that cannot be read completely (no cursor, a repeated one, too many pages).
 */
export type CallFailureKind = 'http' | 'timeout' | 'network' | 'malformed' | 'redirect' | 'too-large' | 'local' | 'truncated';

/** What every TerraCallError is built from. */
export interface CallErrorInit {
  operation: string;
  kind: CallFailureKind;
  status?: number;
  detail?: string;
  retryAfterMs?: number;
  /** Already redacted and safe to print. */
  message: string;
  hint?: string;
  exitKind?: ExitKind;
  /** `redirect` to another origin: the `host[:port]` it pointed at. */
  targetHost?: string;
  /** `too-large`: the cap that was reached. */
  limitBytes?: number;
  /** `http` with a problem+json body: its members, sanitized and redacted. */
  problem?: Problem;
}

/**
 * A failed call, with a message that is already redacted and safe to print: exit kind `auth` on 401/403,
 * `config` for a local problem, else `io`, unless the caller says otherwise. One class, told apart by
 * `kind` (and `code` for problem documents) rather than by subclasses: Pulumi's closure serializer drops
 * the prototype of a derived class without methods of its own (pulumi/pulumi#10974), so `instanceof`
 * against such a subclass fails inside the smoke test's serialized provider.
 */
export class TerraCallError extends TerraIacError {
  override name = 'TerraCallError';
  /** What was called, e.g. `GET /subscriptions`. */
  readonly operation: string;
  readonly kind: CallFailureKind;
  readonly status?: number;
  /** The server's own explanation (`message`, or problem+json `detail`/`title`), redacted. */
  readonly detail?: string;
  /** Milliseconds the server asked us to wait (`Retry-After`). */
  readonly retryAfterMs?: number;
  readonly targetHost?: string;
  readonly limitBytes?: number;
  readonly problem?: Problem;
  /** How many attempts were made before giving up. */
  attempts: number;

  constructor(init: CallErrorInit) {
    super(init.message, init.exitKind ?? defaultExitKind(init), init.hint === undefined ? {} : { hint: init.hint });
    this.operation = init.operation;
    this.kind = init.kind;
    this.status = init.status;
    this.detail = init.detail;
    this.retryAfterMs = init.retryAfterMs;
    this.targetHost = init.targetHost;
    this.limitBytes = init.limitBytes;
    this.problem = init.problem;
    // In the constructor, not as a field initializer: Pulumi's closure serializer drops those.
    this.attempts = 1;
  }

  /**
   * 408, 429, 5xx and network failures may succeed on a later attempt; the rest will not (a refused redirect,
   * an oversized body or a local problem would only repeat).
   */
  get retryable(): boolean {
    if (this.kind === 'network') return true;
    if (this.kind !== 'http' || this.status === undefined) return false;
    return this.status === 408 || this.status === 429 || this.status >= 500;
  }

  /** The problem document's stable `code` ("branch on this, not on prose"), when there was one. */
  get code(): string | undefined {
    return this.problem?.code;
  }

  /** One line for a check message: what failed, how, and after how many attempts. */
  describe(): string {
    const tries = this.attempts > 1 ? ` (after ${this.attempts} attempts)` : '';
    return `${this.message}${tries}`;
  }
}

/** A request that is wrong before it is sent is a configuration problem; a refused credential is auth; the rest is I/O. */
function defaultExitKind(init: CallErrorInit): ExitKind {
  if (init.kind === 'local') return 'config';
  return init.kind === 'http' && (init.status === 401 || init.status === 403) ? 'auth' : 'io';
}

/**
 * The explanation in a Terra error body, whichever shape it has: the SDK-era `{status, message}`
 * (terra-api@2.1.0 `BadRequestErrorBody`), the legacy `{message}` 401, or RFC 9457 problem+json
 * `{type, title, instance, detail}` that the 2026 OpenAPI returns on every 4xx/5xx.
 */
export function errorBodyDetail(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim() || undefined;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const record = body as Record<string, unknown>;
  const text = (key: string) => (typeof record[key] === 'string' && (record[key] as string).trim() ? (record[key] as string).trim() : undefined);
  const detail = text('detail');
  const title = text('title');
  if (detail || title) return detail && title && !detail.toLowerCase().includes(title.toLowerCase()) ? `${title}: ${detail}` : (detail ?? title);
  return text('message') ?? text('error');
}

/** `Retry-After` as seconds or an HTTP date (RFC 9110 §10.2.3), in milliseconds from `now`. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
