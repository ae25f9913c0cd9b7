import { TerraIacError } from '../../core/errors';

/**
 * How a call to Terra (or to a webhook receiver) went wrong:
 * - `http`: an answer with a non-2xx status;
 * - `timeout`: no complete answer within the time left;
 * - `network`: no answer at all (connection refused, DNS, TLS, reset);
 * - `malformed`: an answer that is not the JSON the contract describes.
 */
export type CallFailureKind = 'http' | 'timeout' | 'network' | 'malformed';

/** A failed call, with a message that is already redacted and safe to print: `auth` on 401/403, else `io`. */
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
  /** How many attempts were made before giving up. */
  attempts = 1;

  constructor(init: { operation: string; kind: CallFailureKind; status?: number; detail?: string; retryAfterMs?: number; message: string }) {
    super(init.message, init.kind === 'http' && (init.status === 401 || init.status === 403) ? 'auth' : 'io');
    this.operation = init.operation;
    this.kind = init.kind;
    this.status = init.status;
    this.detail = init.detail;
    this.retryAfterMs = init.retryAfterMs;
  }

  /** 408, 429, 5xx and network failures may succeed on a later attempt; the rest will not. */
  get retryable(): boolean {
    if (this.kind === 'network') return true;
    if (this.kind !== 'http' || this.status === undefined) return false;
    return this.status === 408 || this.status === 429 || this.status >= 500;
  }

  /** One line for a check message: what failed, how, and after how many attempts. */
  describe(): string {
    const tries = this.attempts > 1 ? ` (after ${this.attempts} attempts)` : '';
    return `${this.message}${tries}`;
  }
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
