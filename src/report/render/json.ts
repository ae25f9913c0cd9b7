import type { AuditReport } from '../types';

/** The report as JSON: the AuditReport value itself (shape documented in docs/reports.md). */
export function renderJson(report: AuditReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
