import { plural } from '../../core/plural';
import { escapeUnsafe, escapeUnsafeLine, jsonSafe, mapStrings } from '../../core/safe-text';
import type { CheckResult, CheckStatus, SmokeReport } from './smoke-types';

const COLORS: Record<CheckStatus | 'reset' | 'dim', string> = {
  pass: '\x1b[32m',
  warn: '\x1b[33m',
  fail: '\x1b[31m',
  skip: '\x1b[2m',
  dim: '\x1b[2m',
  reset: '\x1b[0m',
};

const LABELS: Record<CheckStatus, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skip: 'SKIP' };
const ID_WIDTH = 'webhook.rejects-forged'.length;

/** One check as a line: `PASS api.reachable          12 ms  message`. */
export function formatCheckLine(result: CheckResult, color: boolean): string {
  const label = color ? `${COLORS[result.status]}${LABELS[result.status]}${COLORS.reset}` : LABELS[result.status];
  const time = `${result.durationMs} ms`.padStart(8);
  const timeText = color ? `${COLORS.dim}${time}${COLORS.reset}` : time;
  // Messages quote config (hosts, names) and remote text: one line each, nothing raw (core/safe-text.ts).
  return `${label} ${escapeUnsafeLine(result.id).padEnd(ID_WIDTH)} ${timeText}  ${escapeUnsafeLine(result.message)}`;
}

/** Counts per status, e.g. `testing: 6 passed, 1 warning, 0 failed, 1 skipped`. */
export function formatSummary(report: SmokeReport): string {
  const count = (status: CheckStatus) => report.checks.filter((c) => c.status === status).length;
  const warnings = count('warn');
  return `${escapeUnsafeLine(report.environment, { startsLine: true })}: ${count('pass')} passed, ${plural(warnings, 'warning')}, ${count('fail')} failed, ${count('skip')} skipped`;
}

/** The whole report as text: one line per check in check order, then the summary. */
export function formatReportText(report: SmokeReport, color = false): string {
  return `${report.checks.map((c) => formatCheckLine(c, color)).join('\n')}\n${formatSummary(report)}\n`;
}

/** `--format json`: `{ environment, checks: [{ id, status, message, durationMs }] }` (docs/smoke-test.md). */
export function formatReportJson(report: SmokeReport): string {
  const checks = report.checks.map(({ id, status, message, durationMs }) => ({ id, status, message, durationMs }));
  return `${jsonSafe(JSON.stringify(mapStrings({ environment: report.environment, checks }, escapeUnsafe), null, 2))}\n`;
}
