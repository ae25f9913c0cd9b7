import { plural } from '../../core/plural';
import { flattenRemoteText, jsonSafe } from '../../core/safe-text';
import type { CallOutcome } from '../../terra/admin/apply-calls';
import { renderChangeLine, type DriftReport } from './render-drift';

/** What apply did, and what a drift would say now. */
export interface ApplyReport {
  before: DriftReport;
  outcomes: readonly CallOutcome[];
  /** The re-read after the calls; absent when nothing was called. */
  after?: DriftReport;
}

const MARK: Readonly<Record<CallOutcome['status'], string>> = { done: 'done', failed: 'FAILED', 'not-done': 'not done' };

export function renderApplyText(report: ApplyReport): string {
  const lines: string[] = [];
  for (const o of report.outcomes) lines.push(`${MARK[o.status]}: ${o.label}${o.note ? ` (${flattenRemoteText(o.note, 600)})` : ''}`);
  const after = report.after ?? report.before;
  if (!after.inSync && after.changes.length) {
    lines.push('', 'Still different in Terra:');
    for (const change of after.changes) lines.push(`  ${renderChangeLine(change)}`);
  }
  const done = report.outcomes.filter((o) => o.status === 'done').length;
  const state = after.inSync ? 'in sync' : after.changes.length ? `${plural(after.changes.length, 'change')} left` : 'not fully verified';
  lines.push(`${after.environment}: ${done} of ${plural(report.outcomes.length, 'call')} done; now ${state}`);
  return `${lines.join('\n')}\n`;
}

export function renderApplyJson(report: ApplyReport): string {
  const strip = (r: DriftReport) => ({ inSync: r.inSync, changes: r.changes.map(({ object, key, action, fields }) => ({ object, key, action, fields })) });
  const after = report.after ?? report.before;
  const body = {
    environment: report.before.environment,
    devId: report.before.devId,
    inSync: after.inSync,
    planned: strip(report.before).changes,
    calls: report.outcomes,
    remaining: strip(after).changes,
    unverifiable: after.unverifiable,
    notAppliable: after.notAppliable,
  };
  return `${jsonSafe(JSON.stringify(body, null, 2))}\n`;
}
