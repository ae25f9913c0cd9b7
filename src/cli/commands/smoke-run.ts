import type { Tier } from '../../catalog/environment-limits';
import { EXIT, TerraIacError, UsageError } from '../../core/errors';
import type { Environment } from '../../model/environment';
import type { SecretRef } from '../../model/secret-ref';
import { formatText } from '../../formatters/text';
import { formatCheckLine, formatReportJson, formatReportText, formatSummary } from '../../terra/smoke/format-report';
import { createRedactor } from '../../terra/http/redact';
import { runSmokeTest } from '../../terra/smoke/run-smoke';
import { buildSmokeTarget, resolveApiBaseUrl } from '../../terra/smoke/smoke-target';
import { CHECK_IDS, hasFailures, isCheckId, type CheckId, type DeliveryHistoryTarget } from '../../terra/smoke/smoke-types';
import { resolveAdminBaseUrl } from '../../terra/admin/admin-base-url';
import { safeUrl } from '../../terra/http/url';
import { didYouMean } from '../../core/did-you-mean';
import { loadProject } from '../../project';
import { colorAllowed, type Io } from '../io';
import type { SmokeArgs } from './smoke';
import { projectRoot } from '../project-root';

/**
 * `terra-iac smoke --env NAME [--api-base-url URL] [--webhook-url URL] [--format text|json]
 * [--timeout-ms N] [--skip CHECK]... [--root DIR]`: secrets come from TERRA_API_KEY and
 * TERRA_WEBHOOK_SIGNING_SECRET, never from files or flags.
 */
export async function run(args: SmokeArgs, io: Io): Promise<number> {
  const request = readRequest(args);
  const { model, tier } = loadEnvironment(request.env, projectRoot(args.values.root, io.cwd), io);

  const apiKey = io.env.TERRA_API_KEY || fromEnvRef(model.terra.apiKey, io);
  if (!apiKey) {
    throw new TerraIacError('TERRA_API_KEY is not set', 'auth', {
      hint: `export TERRA_API_KEY with the API key of dev-id ${model.terra.devId} (environment ${request.env})`,
    });
  }
  const signingSecret = io.env.TERRA_WEBHOOK_SIGNING_SECRET || (model.webhook ? fromEnvRef(model.webhook.signingSecret, io) : undefined);
  const webhookUrl = request.webhookUrl ?? model.webhook?.url;
  if (webhookUrl && !signingSecret && !request.skip.includes('webhook.delivery')) {
    throw new TerraIacError('TERRA_WEBHOOK_SIGNING_SECRET is not set, so the webhook cannot be tested', 'auth', {
      hint: `export TERRA_WEBHOOK_SIGNING_SECRET with the signing secret of ${safeUrl(webhookUrl)}, or add --skip webhook.delivery`,
    });
  }
  const target = buildSmokeTarget({
    name: request.env,
    model,
    tier,
    apiKey,
    signingSecret,
    apiBaseUrl: resolveApiBaseUrl(request.apiBaseUrl, httpUrlEnv(io, 'TERRA_API_BASE_URL'), model.terra.apiBaseUrl),
    webhookUrl,
  });
  target.deliveries = deliveryHistory(args, io, model);

  const color = colorAllowed(io);
  const live = request.format === 'text' && io.isTTY;
  if (request.format === 'text') {
    io.stdout(`Smoke-testing ${request.env} (dev-id ${target.devId}) against ${safeUrl(target.apiBaseUrl)}\n`);
  }
  const redact = createRedactor([apiKey, signingSecret, target.deliveries?.adminToken]);
  let report;
  try {
    report = await runSmokeTest(target, {
      timeoutMs: request.timeoutMs,
      skip: request.skip,
      onResult: live ? (result) => io.stdout(`${formatCheckLine(result, color)}\n`) : undefined,
    });
  } catch (error) {
    // Not a rename: nothing below should throw, and if it does, its message must not carry a secret either.
    throw new TerraIacError(`smoke test aborted: ${redact(error instanceof Error ? error.message : String(error))}`, 'io');
  }
  if (request.format === 'json') io.stdout(formatReportJson(report));
  else io.stdout(live ? `${formatSummary(report)}\n` : formatReportText(report, false));
  return hasFailures(report) ? EXIT.findings : EXIT.ok;
}

/** The admin API side of webhook.recent-deliveries; a missing token or base URL skips the check, never the run. */
function deliveryHistory({ values }: SmokeArgs, io: Io, model: Environment): DeliveryHistoryTarget {
  const windowHours = wholeNumber('deliveries-window-hours', values['deliveries-window-hours'], 1, 336);
  const warnAbove = wholeNumber('deliveries-warn-above', values['deliveries-warn-above'], 0, 100_000);
  let adminBaseUrl: DeliveryHistoryTarget['adminBaseUrl'];
  try {
    adminBaseUrl = { url: resolveAdminBaseUrl(values['admin-base-url'], io.env.TERRA_ADMIN_BASE_URL, model.terra.admin?.baseUrl).url };
  } catch (error) {
    if (!(error instanceof TerraIacError)) throw error;
    adminBaseUrl = { problem: error.hint ? `${error.message}; ${error.hint}` : error.message };
  }
  return { adminToken: io.env.TERRA_ADMIN_TOKEN?.trim() || undefined, adminBaseUrl, windowHours, warnAbove };
}

function wholeNumber(name: string, text: string | undefined, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}; got "${text}"`);
  return value;
}

interface SmokeRequest {
  env: string;
  apiBaseUrl?: string;
  webhookUrl?: string;
  format: 'text' | 'json';
  timeoutMs: number;
  skip: CheckId[];
}

function readRequest({ values, positionals }: SmokeArgs): SmokeRequest {
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`, 'smoke takes only options');
  const env = values.env;
  if (!env) throw new UsageError('--env NAME is required', 'name the environment to test, e.g. --env testing (config/testing.yaml)');
  const timeoutText = values['timeout-ms'];
  const timeoutMs = Number(timeoutText);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 120_000) {
    throw new UsageError(`--timeout-ms must be a whole number of milliseconds from 100 to 120000; got "${timeoutText}"`);
  }
  const skip = (values.skip ?? []).map((id) => {
    if (isCheckId(id)) return id;
    const close = didYouMean(id, CHECK_IDS);
    throw new UsageError(`--skip: unknown check "${id}"`, close ? `did you mean ${close}?` : `checks: ${CHECK_IDS.join(', ')}`);
  });
  return {
    env,
    apiBaseUrl: httpUrlFlag('api-base-url', values['api-base-url']),
    webhookUrl: httpUrlFlag('webhook-url', values['webhook-url']),
    format: values.format,
    timeoutMs,
    skip,
  };
}

function httpUrlFlag(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new UsageError(`--${name} must be an http(s) URL; got "${value}"`);
  }
  return value;
}

/** An http(s) URL from an environment variable, or a configuration error (exit 2) naming the variable. */
function httpUrlEnv(io: Io, name: string): string | undefined {
  const value = io.env[name];
  if (!value) return undefined;
  if (!/^https?:\/\/[^\s/]+/.test(value)) {
    throw new TerraIacError(`${name} must be an http(s) URL; got "${value}"`, 'config', { hint: 'unset it or set it to e.g. https://api.tryterra.co/v2' });
  }
  return value;
}

/** The environment through the one pipeline; refuses (exit 2) when its file has errors. */
function loadEnvironment(env: string, root: string, io: Io): { model: Environment; tier?: Tier } {
  const project = loadProject({ root, envs: [env], cwd: io.cwd });
  const entry = project.environments.find((e) => e.name === env);
  const errors = project.diagnostics.filter((d) => d.severity === 'error' && d.file === entry?.file.path);
  if (!entry?.model || errors.length) {
    const sources = new Map(project.files.map((f) => [f.path, f.text]));
    const summary = { errors: errors.length, warnings: 0, infos: 0, files: 1 };
    io.stderr(formatText(errors, { sources, summary, color: colorAllowed(io), toolVersion: '' }));
    throw new TerraIacError(`config/${env}.yaml has errors, so it cannot be smoke-tested`, 'config', { hint: `fix them first (terra-iac validate --env ${env})` });
  }
  return { model: entry.model, tier: entry.tier };
}

/** A `{ fromEnv: VAR }` reference resolved from the environment; stack config is for `pulumi up`. */
function fromEnvRef(ref: SecretRef, io: Io): string | undefined {
  return 'fromEnv' in ref ? io.env[ref.fromEnv] || undefined : undefined;
}
