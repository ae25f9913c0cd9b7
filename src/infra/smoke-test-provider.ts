import type * as pulumi from '@pulumi/pulumi';
import type { Tier } from '../catalog/environment-limits';
import { TerraIacError } from '../core/errors';
import { formatReportText, formatSummary } from '../terra/smoke/format-report';
import { DEFAULT_CHECK_TIMEOUT_MS, runSmokeTest } from '../terra/smoke/run-smoke';
import { resolveApiBaseUrl } from '../terra/smoke/smoke-target';
import { hasFailures, type CheckId, type CheckResult, type DeclaredProvider, type SmokeTarget } from '../terra/smoke/smoke-types';

/** The resolved inputs the provider receives (the engine has unwrapped every Input and secret). */
export interface SmokeTestInputs {
  environment: string;
  tier?: Tier;
  devId: string;
  apiBaseUrl?: string;
  webhookUrl?: string;
  providers: DeclaredProvider[];
  timeoutMs?: number;
  skip?: CheckId[];
  apiKey: string;
  webhookSigningSecret?: string;
}

/** What the resource records after a passing run. Never the credentials: only non-secret targets and results. */
export interface SmokeTestOutputs {
  environment: string;
  devId: string;
  apiBaseUrl: string;
  webhookUrl?: string;
  /** e.g. `testing: 7 passed, 1 warning, 0 failed, 0 skipped`. */
  summary: string;
  checks: CheckResult[];
  /** ISO time of the run; changes on every `up`, which is the point. */
  ranAt: string;
}

/** Raised by create/update when a check fails (findings); Pulumi prints the message and fails the deployment. */
export class SmokeTestFailedError extends TerraIacError {
  override name = 'SmokeTestFailedError';
  constructor(message: string) {
    super(message, 'findings');
  }
}

/**
 * Runs the smoke checks and returns the outputs, or throws with the (redacted) report. The thrown
 * message is built only from check results, which pass the runner's redactor.
 */
export async function runSmokeForPulumi(inputs: SmokeTestInputs): Promise<SmokeTestOutputs> {
  const target: SmokeTarget = {
    environment: inputs.environment,
    tier: inputs.tier,
    devId: inputs.devId,
    apiBaseUrl: resolveApiBaseUrl(undefined, undefined, inputs.apiBaseUrl),
    apiKey: inputs.apiKey,
    signingSecret: inputs.webhookSigningSecret,
    webhookUrl: inputs.webhookUrl,
    providers: inputs.providers ?? [],
  };
  const report = await runSmokeTest(target, { timeoutMs: inputs.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS, skip: inputs.skip ?? [] });
  if (hasFailures(report)) {
    throw new SmokeTestFailedError(
      `Terra smoke test failed for environment ${inputs.environment}:\n${formatReportText(report)}` +
        'Fix the failing checks, or turn the test off for this stack: pulumi config set smokeTest false',
    );
  }
  return {
    environment: inputs.environment,
    devId: inputs.devId,
    apiBaseUrl: target.apiBaseUrl,
    ...(inputs.webhookUrl ? { webhookUrl: inputs.webhookUrl } : {}),
    summary: formatSummary(report),
    checks: report.checks,
    ranAt: new Date().toISOString(),
  };
}

/**
 * The dynamic provider. Pulumi serializes this object into the state and runs it in its provider process
 * (https://www.pulumi.com/docs/iac/concepts/functions/function-serialization/), so the methods only use what they import; no client is shared between calls.
 * - `diff` always reports a change, so the test runs on every `pulumi up` (and shows on every preview);
 * - `update` returns the outputs, otherwise Pulumi wipes them (pulumi/pulumi#9982, #13983);
 * - `delete` has nothing to remove.
 */
export const smokeTestProvider: pulumi.dynamic.ResourceProvider = {
  async diff() {
    return { changes: true };
  },
  async create(inputs: SmokeTestInputs) {
    const outs = await runSmokeForPulumi(inputs);
    return { id: `terra-smoke-${inputs.environment}`, outs };
  },
  async update(_id: string, _olds: SmokeTestOutputs, news: SmokeTestInputs) {
    return { outs: await runSmokeForPulumi(news) };
  },
  async delete() {
    // A smoke test leaves nothing behind in Terra or AWS.
  },
};
