import type { Tier } from '../../catalog/environment-limits';

/** Stable ids of the smoke checks, in report order. CI pipelines and `--skip` depend on them. */
export const CHECK_IDS = [
  'api.reachable',
  'credentials.valid',
  'providers.known',
  'providers.enabled',
  'widget.session',
  'users.quota',
  'webhook.delivery',
  'webhook.rejects-forged',
  'webhook.recent-deliveries',
] as const;

export type CheckId = (typeof CHECK_IDS)[number];

/** `warn` does not fail the run; `fail` does; `skip` means the check did not apply or was turned off. */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';

/** What a check concluded; the message always says what to do next. */
export interface CheckOutcome {
  status: CheckStatus;
  message: string;
}

/** One line of the report, as `--format json` prints it. */
export interface CheckResult extends CheckOutcome {
  id: CheckId;
  durationMs: number;
}

/** The whole run: `{ environment, checks }` (docs/smoke-test.md). */
export interface SmokeReport {
  environment: string;
  checks: CheckResult[];
}

/** A provider as config/<env>.yaml declares it. */
export interface DeclaredProvider {
  /** Terra resource code, e.g. GARMIN. */
  code: string;
  /** False when the file keeps the declaration but sets `enabled: false`. */
  enabled: boolean;
  /** Catalog surface; `unknown` for codes the catalog does not list. */
  surface: 'web' | 'mobile-sdk' | 'unknown';
}

/** Everything the checks need about one environment, secrets included (they never leave the process). */
export interface SmokeTarget {
  /** Environment name, e.g. testing (config/<name>.yaml). */
  environment: string;
  tier?: Tier;
  devId: string;
  apiBaseUrl: string;
  apiKey: string;
  webhookUrl?: string;
  signingSecret?: string;
  providers: readonly DeclaredProvider[];
  /** How webhook.recent-deliveries reads Terra's delivery history; absent: the check is skipped. */
  deliveries?: DeliveryHistoryTarget;
}

/** What webhook.recent-deliveries needs: the admin API (`listWebhookEvents`, scope events:read) and its limits. */
export interface DeliveryHistoryTarget {
  /** TERRA_ADMIN_TOKEN; without one the check is skipped. A secret like the API key: never in any output. */
  adminToken?: string;
  /** The resolved admin base URL, or why there is none (the spec gives no host). */
  adminBaseUrl: { url: string } | { problem: string };
  /** How far back to look, in hours. */
  windowHours: number;
  /** More failed deliveries than this warn. */
  warnAbove: number;
}

export function isCheckId(value: string): value is CheckId {
  return (CHECK_IDS as readonly string[]).includes(value);
}

/** True when any check failed: the run exits 1 (CLI) or fails the deployment (pulumi up). */
export function hasFailures(report: SmokeReport): boolean {
  return report.checks.some((check) => check.status === 'fail');
}
