import { SYSTEM_CLOCK, type Clock } from './clock';
import { TerraCallError } from './terra-call-error';

/** Bounded retries with exponential backoff; `Retry-After` from the server takes precedence. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** First backoff delay; doubles on each retry (with ±10 % jitter). */
  baseDelayMs: number;
  /** Upper bound of one backoff delay (not of Retry-After, which is honoured up to the deadline). */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 3, baseDelayMs: 250, maxDelayMs: 4000 };

/** Whether a failed attempt is worth another one; the caller knows its API (admin problem codes, …). */
export type RetryClassifier = (error: TerraCallError) => boolean;

export interface RetryOptions {
  policy?: RetryPolicy;
  /** Epoch milliseconds (of `clock`) after which no attempt starts and no wait is begun. */
  deadline: number;
  /** Test seam for jitter; defaults to Math.random. */
  random?: () => number;
  /** Test seam for time; the waits go through `clock.sleep`. */
  clock?: Clock;
  /** Default: `error.retryable` (408, 429, 5xx, network). */
  retryable?: RetryClassifier;
  /** How the budget is named when Retry-After points past it, e.g. "the check's time limit". */
  budgetName?: string;
}

/** Delay before retry number `retry` (0-based). */
export function backoffDelay(policy: RetryPolicy, retry: number, random: () => number = Math.random): number {
  const exponential = Math.min(policy.baseDelayMs * 2 ** retry, policy.maxDelayMs);
  return Math.round(exponential * (0.9 + random() * 0.2));
}

/**
 * Runs `attempt` until it succeeds, fails for good, the retries are used up, or waiting would pass the
 * deadline. The attempt receives the milliseconds left and its 0-based number; it uses the former as its
 * own timeout. Anything but a TerraCallError is a bug and is rethrown at once.
 */
export async function withRetries<T>(attempt: (remainingMs: number, attemptIndex: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  const clock = options.clock ?? SYSTEM_CLOCK;
  const retryable = options.retryable ?? ((error: TerraCallError) => error.retryable);
  for (let retry = 0; ; retry++) {
    const remaining = options.deadline - clock.now();
    try {
      return await attempt(Math.max(1, remaining), retry);
    } catch (error) {
      if (!(error instanceof TerraCallError)) throw error;
      error.attempts = retry + 1;
      if (retry >= policy.maxRetries || !retryable(error)) throw error;
      const wait = error.retryAfterMs ?? backoffDelay(policy, retry, options.random);
      if (clock.now() + wait >= options.deadline) {
        if (error.retryAfterMs !== undefined) {
          // The type (and the problem members of a ProblemError) stay; only the sentence grows.
          error.message = `${error.message}; the server asked to retry after ${Math.ceil(error.retryAfterMs / 1000)} s, beyond ${options.budgetName ?? "the check's time limit"}`;
        }
        throw error;
      }
      await clock.sleep(wait);
    }
  }
}
