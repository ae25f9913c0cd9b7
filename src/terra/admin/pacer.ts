import type { Clock } from '../http/clock';

export interface PacingOptions {
  /** Least time between the starts of two requests. */
  minIntervalMs: number;
  /** Most requests in flight at once. */
  maxConcurrent: number;
}

/**
 * Terra's CLI sends requests "100ms apart to stay under the rate limit" (agent-skills terra-cli
 * scripting.md); the spec gives no numbers (`RateLimited`: "Per-token rate limit exceeded; see
 * Retry-After"). Four in flight keeps concurrent reads quick without bursting.
 */
export const DEFAULT_PACING: PacingOptions = { minIntervalMs: 100, maxConcurrent: 4 };

/**
 * One limiter for every request of one admin client, retries included: starts are spaced by the
 * interval, and at most `maxConcurrent` run at once, so many resources applied concurrently stay under
 * the per-token rate limit while reads still overlap.
 */
export class Pacer {
  private lastStart: number;
  private turn: Promise<void>;
  private running: number;
  private readonly queue: Array<() => void>;

  constructor(
    private readonly options: PacingOptions,
    private readonly clock: Clock,
  ) {
    // In the constructor, not as field initializers: Pulumi's closure serializer drops those, and the
    // Terra resources' provider runs this class in its own process.
    this.lastStart = Number.NEGATIVE_INFINITY;
    this.turn = Promise.resolve();
    this.running = 0;
    this.queue = [];
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.slot();
    try {
      await this.spaced();
      return await work();
    } finally {
      this.release();
    }
  }

  /** Requests running now (for tests and diagnostics). */
  get inFlight(): number {
    return this.running;
  }

  private slot(): Promise<void> {
    if (this.running < this.options.maxConcurrent) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.queue.push(resolve));
  }

  private release(): void {
    const next = this.queue.shift();
    // The slot passes straight to the next waiter, so `running` stays the same.
    if (next) next();
    else this.running--;
  }

  /** Starts are taken one at a time, so each waits for the interval after the one before it. */
  private spaced(): Promise<void> {
    const mine = this.turn.then(async () => {
      const wait = this.lastStart + this.options.minIntervalMs - this.clock.now();
      if (wait > 0) await this.clock.sleep(wait);
      this.lastStart = this.clock.now();
    });
    this.turn = mine.catch(() => undefined);
    return mine;
  }
}
