import { TerraCallError } from './terra-call-error';

/** Bounded retries with exponential backoff; `Retry-After` from the server takes precedence. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** First backoff delay; doubles on each retry (with ±20 % jitter). */
  baseDelayMs: number;
  /** Upper bound of one backoff delay (not of Retry-After, which is honoured up to the deadline). */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 3, baseDelayMs: 250, maxDelayMs: 4000 };

export interface RetryOptions {
  policy?: RetryPolicy;
  /** Epoch milliseconds after which no attempt starts and no wait is begun. */
  deadline: number;
  /** Test seam for jitter; defaults to Math.random. */
  random?: () => number;
}

/** Delay before retry number `retry` (0-based). */
export function backoffDelay(policy: RetryPolicy, retry: number, random: () => number = Math.random): number {
  const exponential = Math.min(policy.baseDelayMs * 2 ** retry, policy.maxDelayMs);
  return Math.round(exponential * (0.9 + random() * 0.2));
}

/**
 * Runs `attempt` until it succeeds, fails for good, the retries are used up, or waiting would pass the
 * deadline. The attempt receives the milliseconds left, which it uses as its own timeout.
 */
export async function withRetries<T>(attempt: (remainingMs: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  for (let retry = 0; ; retry++) {
    const remaining = options.deadline - Date.now();
    try {
      return await attempt(Math.max(1, remaining));
    } catch (error) {
      if (!(error instanceof TerraCallError)) throw error;
      error.attempts = retry + 1;
      if (!error.retryable || retry >= policy.maxRetries) throw error;
      const wait = error.retryAfterMs ?? backoffDelay(policy, retry, options.random);
      if (Date.now() + wait >= options.deadline) {
        if (error.retryAfterMs !== undefined) {
          const beyond = new TerraCallError({
            operation: error.operation,
            kind: error.kind,
            status: error.status,
            detail: error.detail,
            retryAfterMs: error.retryAfterMs,
            message: `${error.message}; the server asked to retry after ${Math.ceil(error.retryAfterMs / 1000)} s, beyond the check's time limit`,
          });
          beyond.attempts = error.attempts;
          throw beyond;
        }
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
