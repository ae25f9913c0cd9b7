import { plural } from '../../core/plural';
import { escapeUnsafeLine, flattenRemoteText, jsonSafe } from '../../core/safe-text';
import type { ChangeAction, FieldValue, TerraChange, TerraDiff } from '../../terra/admin/changes';

/** What `drift` and `apply` say about one environment. */
export interface DriftReport extends TerraDiff {
  environment: string;
  devId: string;
}

const SYMBOL: Readonly<Record<ChangeAction, string>> = { create: '+', update: '~', enable: '~', disable: '~', delete: '-', replace: '-/+' };

/** `drift --format json`: `{ environment, devId, inSync, changes, unverifiable, notAppliable }`. */
export function renderDriftJson(report: DriftReport): string {
  const body = {
    environment: report.environment,
    devId: report.devId,
    inSync: report.inSync,
    changes: report.changes.map(({ object, key, action, fields }) => ({ object, key, action, fields })),
    unverifiable: report.unverifiable,
    notAppliable: report.notAppliable,
  };
  return `${jsonSafe(JSON.stringify(body, null, 2))}\n`;
}

/** One line per change (`~ source GARMIN: active false -> true`). */
export function renderChangeLine(change: TerraChange): string {
  const fields = change.fields.map((f) => `${line(f.name)} ${shown(f.from)} -> ${shown(f.to)}`).join(', ');
  return `${SYMBOL[change.action]} ${change.object} ${line(change.key)}${fields ? `: ${fields}` : ''}`;
}

/** The changes, then what could not be verified and what cannot be applied, then a summary line. */
export function renderDriftText(report: DriftReport): string {
  const lines = report.changes.map(renderChangeLine);
  if (report.unverifiable.length) {
    lines.push('', 'Unverifiable:');
    for (const u of report.unverifiable) lines.push(`  ? ${u.object} ${line(u.key)}${u.field ? ` ${line(u.field)}` : ''}: ${flattenRemoteText(u.reason, 400)}`);
  }
  if (report.notAppliable.length) {
    lines.push('', 'Not appliable:');
    for (const n of report.notAppliable) lines.push(`  ! ${line(n.path)}: ${flattenRemoteText(n.reason, 400)}`);
  }
  if (lines.length) lines.push('');
  const state = report.inSync ? 'in sync' : report.changes.length ? 'differs' : 'not verified';
  lines.push(
    `${report.environment} (dev-id ${line(report.devId)}) ${state}: ${plural(report.changes.length, 'change')}, ${report.unverifiable.length} unverifiable, ${report.notAppliable.length} not appliable`,
  );
  return `${lines.join('\n')}\n`;
}

function shown(value: FieldValue): string {
  if (value === null) return '(none)';
  if (Array.isArray(value)) return `[${value.map(line).join(', ')}]`;
  return typeof value === 'string' ? line(value) : String(value);
}

function line(text: string): string {
  return escapeUnsafeLine(text);
}
