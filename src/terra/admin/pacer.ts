import type { Clock } from '../http/clock';

export interface PacingOptions {
  /** Least time between the starts of two requests. */
  minIntervalMs: number;
  /** Most requests in flight at once. */
  maxConcurrent: number;
}

/** How the requests of one admin client are paced: reads and mutations each in their own lane. */
export interface PacingPolicy {
  reads: PacingOptions;
  mutations: PacingOptions;
}

/**
 * Mutations: Terra's CLI sends requests "100ms apart to stay under the rate limit" (agent-skills terra-cli
 * scripting.md), four in flight. Reads: the spec says it is mutations that "emit X-RateLimit-* headers"
 * (info.description) and gives no numbers (`RateLimited`: "Per-token rate limit exceeded; see Retry-After"),
 * so GETs overlap, up to 48 at once: a live read of 40 sources (80 GETs) costs two round trips, not 80
 * intervals. The first 429 moves reads onto the mutations' spacing for the rest of the client's life.
 */
export const DEFAULT_PACING: PacingPolicy = {
  reads: { minIntervalMs: 0, maxConcurrent: 48 },
  mutations: { minIntervalMs: 100, maxConcurrent: 4 },
};

/**
 * One lane of a limiter: starts are spaced by the interval, and at most `maxConcurrent` run at once, so many
 * resources applied concurrently stay under the per-token rate limit.
 */
export class Pacer {
  private lastStart: number;
  private turn: Promise<void>;
  private running: number;
  private minIntervalMs: number;
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
    this.minIntervalMs = options.minIntervalMs;
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

  /** Widens the spacing (never narrows it): after a 429, this lane goes no faster than `ms` apart. */
  slowTo(ms: number): void {
    this.minIntervalMs = Math.max(this.minIntervalMs, ms);
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
    if (this.minIntervalMs <= 0) return Promise.resolve();
    const mine = this.turn.then(async () => {
      const wait = this.lastStart + this.minIntervalMs - this.clock.now();
      if (wait > 0) await this.clock.sleep(wait);
      this.lastStart = this.clock.now();
    });
    this.turn = mine.catch(() => undefined);
    return mine;
  }
}

/** The two lanes of one admin client. */
export class AdminPacer {
  private readonly reads: Pacer;
  private readonly mutations: Pacer;

  constructor(
    private readonly policy: PacingPolicy,
    clock: Clock,
  ) {
    this.reads = new Pacer(policy.reads, clock);
    this.mutations = new Pacer(policy.mutations, clock);
  }

  lane(method: string): Pacer {
    return method === 'GET' ? this.reads : this.mutations;
  }

  /** Terra answered 429: reads go no faster than mutations from now on. */
  rateLimited(): void {
    this.reads.slowTo(this.policy.mutations.minIntervalMs);
  }
}
