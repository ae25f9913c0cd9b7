import type { Clock } from '../../src/terra/http/clock';

/**
 * A virtual clock: `sleep` records the delay it was asked for and moves time on at once, so tests assert
 * the delays the code requested (backoff, Retry-After, pacing) instead of waiting for them.
 */
export interface FakeClock extends Clock {
  /** Every delay passed to `sleep`, in order. */
  readonly sleeps: number[];
  advance(ms: number): void;
}

export function fakeClock(start = Date.parse('2026-07-01T00:00:00Z')): FakeClock {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += Math.max(0, ms);
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}
