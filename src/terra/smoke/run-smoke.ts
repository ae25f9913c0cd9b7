import { CHECKS } from './checks';
import { createRedactor } from '../http/redact';
import type { RetryPolicy } from '../http/retry';
import { sharedCalls, type CheckContext, type SmokeCheck } from './smoke-context';
import type { CheckId, CheckOutcome, CheckResult, SmokeReport, SmokeTarget } from './smoke-types';
import { TerraApiClient } from '../data/terra-client';

/** Per-check time limit when none is given (issue 4: "each has a timeout (default 10 s)"). */
export const DEFAULT_CHECK_TIMEOUT_MS = 10_000;

/** Extra time a check gets after its calls' deadline to turn the timeout into a message. */
const SETTLE_GRACE_MS = 500;

export interface SmokeOptions {
  /** Time limit of each check in milliseconds; every check starts at once, so it bounds the run too. */
  timeoutMs?: number;
  /** Checks not to run; they are reported as `skip`. */
  skip?: readonly CheckId[];
  /** Called as each check finishes (the CLI prints it at once on a TTY). */
  onResult?: (result: CheckResult) => void;
  retry?: RetryPolicy;
  /** The checks to run; all of them by default (tests narrow this). */
  checks?: readonly SmokeCheck[];
}

/**
 * Runs every check concurrently against one environment and returns the report in check order. Every
 * message passes the redactor, so neither the API key nor the signing secret can reach any output, even
 * when a server echoes them. The run is bounded by the check timeout plus a short grace period.
 */
export async function runSmokeTest(target: SmokeTarget, options: SmokeOptions = {}): Promise<SmokeReport> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  const redact = createRedactor([target.apiKey, target.signingSecret, target.deliveries?.adminToken]);
  const client = new TerraApiClient({ baseUrl: target.apiBaseUrl, devId: target.devId, apiKey: target.apiKey, redact, retry: options.retry });
  const budget = { deadline: Date.now() + timeoutMs };
  const ctx: CheckContext = { target, client, shared: sharedCalls(client, budget), budget, redact, retry: options.retry };
  const skipped = new Set(options.skip ?? []);

  const runOne = async (check: SmokeCheck): Promise<CheckResult> => {
    const started = performance.now();
    const outcome = skipped.has(check.id)
      ? { status: 'skip' as const, message: `skipped on request (--skip ${check.id})` }
      : await withTimeLimit(check, ctx, timeoutMs + SETTLE_GRACE_MS);
    const result: CheckResult = {
      id: check.id,
      status: outcome.status,
      message: redact(outcome.message),
      durationMs: Math.round(performance.now() - started),
    };
    options.onResult?.(result);
    return result;
  };
  const checks = await Promise.all((options.checks ?? CHECKS).map(runOne));
  return { environment: target.environment, checks };
}

async function withTimeLimit(check: SmokeCheck, ctx: CheckContext, limitMs: number): Promise<CheckOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<CheckOutcome>((resolve) => {
    timer = setTimeout(
      () => resolve({ status: 'fail', message: `did not finish within ${limitMs} ms; raise --timeout-ms or check the network path` }),
      limitMs,
    );
  });
  try {
    return await Promise.race([check.run(ctx).catch((error: unknown) => internalError(error)), expired]);
  } finally {
    clearTimeout(timer);
  }
}

function internalError(error: unknown): CheckOutcome {
  const message = error instanceof Error ? error.message : String(error);
  return { status: 'fail', message: `internal error in the check: ${message}; this is a terra-iac bug, please report it` };
}
