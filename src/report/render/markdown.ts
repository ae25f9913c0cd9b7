import { plural } from '../../core/plural';
import type { AuditReport, EnvironmentAudit, ProviderRow } from '../types';
import {
  CELL_LEGEND,
  cellDetails,
  cellKind,
  dataText,
  eventTypesText,
  kmsText,
  rowBadges,
  secretSourceText,
  userLimitText,
  widgetText,
  type CellKind,
} from './cell-text';
import { escapeMarkdown as md, markdownCode as code } from './escape';

/** The report as GitHub-flavoured Markdown, for pull-request comments. */
export function renderMarkdown(report: AuditReport): string {
  const out: string[] = ['# terra-iac audit report', '', headline(report), ''];
  out.push('## Providers by environment', '', ...matrix(report), '', legend(report), '');
  out.push('## Environments', '');
  for (const env of report.environments) out.push(...environment(env), '');
  out.push('## Open findings', '', ...findings(report), '');
  out.push('## Provenance', '', ...provenance(report), '');
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function headline(report: AuditReport): string {
  const { environments, providers, errors, warnings, infos } = report.summary;
  const commit = report.provenance.git.commit ? `commit ${code(report.provenance.git.commit.slice(0, 12))}` : md(report.provenance.git.note ?? 'no commit');
  const counts = [plural(environments, 'environment'), plural(providers, 'provider'), plural(errors, 'error'), plural(warnings, 'warning'), plural(infos, 'note')];
  return `Generated ${md(report.provenance.generatedAt)} from ${commit} by terra-iac ${md(report.tool.version)}: ${counts.join(', ')}.`;
}

function matrix(report: AuditReport): string[] {
  if (report.providers.length === 0) return ['No environment declares a provider.'];
  const header = ['Provider', 'Data types (catalog)', ...report.environments.map((e) => `${md(e.name)}${e.tier && e.tier !== e.name ? ` (${e.tier})` : ''}`)];
  const rows = report.providers.map((row) => [providerName(row), row.dataTypes ? md(row.dataTypes.values.join(', ')) : '?', ...row.cells.map((cell) => cellText(cell, row))]);
  return [tableRow(header), tableRow(header.map(() => '---')), ...rows.map(tableRow)];
}

function providerName(row: ProviderRow): string {
  const badges = rowBadges(row);
  return `${md(row.name)} ${code(row.code)}${badges.length ? ` _(${badges.map(md).join(', ')})_` : ''}`;
}

function cellText(cell: ProviderRow['cells'][number], row: ProviderRow): string {
  const kind = cellKind(cell, row);
  const { marker, label } = CELL_LEGEND[kind];
  return [`${marker} ${label}`, ...cellDetails(cell).map(md)].join('<br>');
}

function legend(report: AuditReport): string {
  const used = new Set<CellKind>(report.providers.flatMap((row) => row.cells.map((cell) => cellKind(cell, row))));
  const parts = (Object.keys(CELL_LEGEND) as CellKind[]).filter((k) => used.has(k)).map((k) => `${CELL_LEGEND[k].marker} ${CELL_LEGEND[k].meaning}`);
  return `${parts.join(' · ')}. Data types are the catalog's general knowledge, not a Terra table.`;
}

function environment(env: EnvironmentAudit): string[] {
  const out = [`### ${md(env.name)}`, ''];
  const line = (label: string, value: string) => out.push(`- **${label}:** ${value}`);
  line('File', code(env.file));
  line('Tier', env.tier ? md(env.tier) : 'unknown');
  if (!env.valid) {
    out.push('', `The file does not pass validation; see the findings below.`);
    return out;
  }
  if (env.description) line('Description', md(env.description));
  line('Dev-id', code(env.devId ?? ''));
  if (env.api) line('Terra API', `${code(env.api.baseUrl)}${env.api.isDefault ? ' (default)' : ''}`);
  line('Webhook', env.webhook ? `${code(env.webhook.url)}, ${md(eventTypesText(env.webhook.eventTypes))}` : 'none');
  for (const d of env.destinations) line(`Destination (${d.type})`, `${code(d.name)}${d.region ? ` in ${md(d.region)}` : ''}`);
  line('Data', md(dataText(env.data)));
  line('Widget', md(widgetText(env.widget)));
  line('User limit', `${userLimitText(env.users.limit)}${env.users.planned === null ? '' : `, ${env.users.planned} planned`}`);
  line('Owners', env.owners.map((o) => `${md(o.team)}${o.email ? ` (${md(o.email)})` : ''}`).join(', '));
  if (env.aws) {
    line('AWS', `region ${md(env.aws.region ?? 'of the stack')}, KMS ${md(kmsText(env.aws.kmsKey))}, recovery window ${env.aws.recoveryWindowInDays} days${env.aws.consumerRoleArn ? `, read by ${code(env.aws.consumerRoleArn)}` : ''}`);
  }
  for (const link of env.links) line('Link', md(link));
  out.push('', `Secrets in AWS Secrets Manager (names only):`, '');
  if (env.secrets.length === 0) out.push('- none');
  for (const s of env.secrets) out.push(`- ${code(s.name)} ← ${md(secretSourceText(s.source))}`);
  return out;
}

function findings(report: AuditReport): string[] {
  if (report.findings.length === 0) return ['None: every file passes validation.'];
  const rows = report.findings.map((f) => [md(f.severity), code(`${f.file}:${f.line}:${f.column}`), code(f.ruleId), md(f.message) + (f.hint ? `<br>_${md(f.hint)}_` : '')]);
  return [tableRow(['Severity', 'Where', 'Rule', 'Finding']), tableRow(['---', '---', '---', '---']), ...rows.map(tableRow)];
}

function provenance(report: AuditReport): string[] {
  const git = report.provenance.git;
  const out = [git.commit ? `Git commit: ${code(git.commit)}` : `Git commit: ${md(git.note ?? 'unknown')}`, ''];
  if (git.uncommitted.length > 0) out.push(`Uncommitted changes in: ${git.uncommitted.map(code).join(', ')}`, '');
  out.push(tableRow(['File', 'SHA-256', 'Bytes']), tableRow(['---', '---', '---:']));
  for (const f of report.provenance.files) out.push(tableRow([code(f.path), f.sha256 ? code(f.sha256) : 'unreadable', f.bytes === null ? '' : String(f.bytes)]));
  return out;
}

function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}
