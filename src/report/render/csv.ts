import type { AuditReport, EnvironmentAudit, ProviderCell } from '../types';
import { shortScope, userLimitText } from './cell-text';
import { csvField } from './escape';

/** The CSV columns; fixed, so spreadsheets and pivot tables built on them keep working. */
export const CSV_COLUMNS = ['section', 'environment', 'subject', 'attribute', 'value'] as const;

type Row = [section: string, environment: string, subject: string, attribute: string, value: string | number | boolean | null];

/**
 * The whole report as one long ("tidy") table: one row per fact, so a spreadsheet can filter any section
 * and pivot `provider` rows (attribute `status` or `keys`) into the environments x providers matrix.
 * RFC 4180: CRLF line ends, quoted fields where needed, formula-looking fields defused.
 */
export function renderCsv(report: AuditReport): string {
  const rows: Row[] = [];
  const p = report.provenance;
  rows.push(['report', '', '', 'report_version', report.reportVersion], ['report', '', '', 'tool_version', report.tool.version]);
  rows.push(['report', '', '', 'generated_at', p.generatedAt], ['report', '', '', 'git_commit', p.git.commit ?? p.git.note ?? '']);
  for (const path of p.git.uncommitted) rows.push(['report', '', path, 'uncommitted', true]);
  for (const f of p.files) rows.push(['file', '', f.path, 'sha256', f.sha256], ['file', '', f.path, 'bytes', f.bytes]);
  for (const row of report.providers) {
    rows.push(['catalog', '', row.code, 'name', row.name], ['catalog', '', row.code, 'data_types', row.dataTypes?.values.join('; ') ?? null]);
    rows.push(['catalog', '', row.code, 'mobile_sdk_only', row.mobileSdkOnly], ['catalog', '', row.code, 'credential_policy', row.credentialPolicy]);
    rows.push(['catalog', '', row.code, 'code_confirmed', row.confirmed]);
  }
  for (const env of report.environments) environmentRows(env, rows);
  for (const row of report.providers) for (const cell of row.cells) cellRows(row.code, cell, rows);
  for (const env of report.environments) {
    for (const s of env.secrets) {
      rows.push(['secret', env.name, s.purpose, 'aws_name', s.name]);
      rows.push(['secret', env.name, s.purpose, 'source', secretSource(s.source)]);
    }
  }
  for (const f of report.findings) {
    rows.push(['finding', f.environment ?? '', `${f.file}:${f.line}:${f.column}`, `${f.severity} ${f.ruleId}`, f.hint ? `${f.message} (hint: ${f.hint})` : f.message]);
  }
  return [CSV_COLUMNS.join(','), ...rows.map((r) => r.map(csvField).join(','))].join('\r\n') + '\r\n';
}

function environmentRows(env: EnvironmentAudit, rows: Row[]): void {
  const add = (attribute: string, value: Row[4]) => rows.push(['environment', env.name, '', attribute, value]);
  add('file', env.file);
  add('valid', env.valid);
  add('tier', env.tier);
  add('description', env.description);
  add('dev_id', env.devId);
  add('api_base_url', env.api?.baseUrl ?? null);
  add('webhook_url', env.webhook?.url ?? null);
  add('webhook_event_types', env.webhook ? (env.webhook.eventTypes?.join('; ') ?? 'all') : null);
  for (const d of env.destinations) add(`destination_${d.type}`, `${d.name}${d.region ? ` (${d.region})` : ''}`);
  add('data_types', env.data?.types?.join('; ') ?? null);
  add('data_samples', env.data?.samples ?? null);
  for (const f of env.data?.fields ?? []) add(`data_fields_${f.dataType}`, f.fields.join('; '));
  add('data_processing', env.data?.processing ?? null);
  add('widget_name', env.widget?.name ?? null);
  add('widget_logo_url', env.widget?.logoUrl ?? null);
  add('user_limit', userLimitText(env.users.limit));
  add('planned_users', env.users.planned);
  add('owners', env.owners.map((o) => (o.email ? `${o.team} <${o.email}>` : o.team)).join('; '));
  add('aws_region', env.aws?.region ?? null);
  add('kms_key', env.aws ? (env.aws.kmsKey ?? 'created per environment') : null);
  add('consumer_role_arn', env.aws?.consumerRoleArn ?? null);
  add('recovery_window_days', env.aws?.recoveryWindowInDays ?? null);
  add('findings', `${env.findings.errors} errors; ${env.findings.warnings} warnings; ${env.findings.infos} notes`);
}

function cellRows(code: string, cell: ProviderCell, rows: Row[]): void {
  const add = (attribute: string, value: Row[4]) => rows.push(['provider', cell.environment, code, attribute, value]);
  add('status', cell.status);
  if (cell.keys) add('keys', cell.keys);
  if (cell.clientId) add(cell.clientId.label.replace(' ', '_'), cell.clientId.value);
  if (cell.scopes) add('scopes', cell.scopes.map(shortScope).join('; '));
  if (cell.appVerification) add('app_verification', cell.appVerification);
  if (cell.regions) add('regions', cell.regions.map((r) => (r.practiceIdRequired ? `${r.country} (practice id required)` : r.country)).join('; '));
  if (cell.practiceId) add('practice_id', cell.practiceId);
  if (cell.route) add('route', cell.route);
  if (cell.partnershipApproved !== undefined) add('partnership_approved', cell.partnershipApproved);
  if (cell.notes) add('notes', cell.notes);
}

function secretSource(source: EnvironmentAudit['secrets'][number]['source']): string {
  if (source.kind === 'stack-config') return `stack-config:${source.key}`;
  if (source.kind === 'environment-variable') return `env:${source.variable}`;
  return `generated:${source.destination}`;
}
