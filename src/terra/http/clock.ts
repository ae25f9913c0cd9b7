/** Time as the HTTP core sees it; tests pass a virtual clock so retry and pacing delays are asserted, not waited for. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Resolves after `ms` milliseconds. */
  sleep(ms: number): Promise<void>;
}

/** The real clock. Plain functions over globals, so Pulumi's closure serializer can copy it (Pulumi docs, concepts/functions/function-serialization). */
export const SYSTEM_CLOCK: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};
