import type { AuditReport, EnvironmentAudit, ProviderCell, ProviderRow } from '../types';
import { severityRank } from '../../core/diagnostic';
import { plural } from '../../core/plural';
import { CELL_LEGEND, cellDetails, cellKind, dataText, differsFromLeft, eventTypesText, kmsText, rowBadges, secretSourceText, userLimitText, widgetText, type CellKind } from './cell-text';
import { escapeHtml as h, htmlWithCode as hc } from './escape';
import { AUDIT_CSS } from './html-style';

/**
 * The report as one self-contained HTML page: inline CSS, no script, and a Content-Security-Policy that
 * forbids every fetch, so it opens offline and cannot call out even if a value slipped past escaping.
 */
export function renderHtml(report: AuditReport): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="generator" content="terra-iac ${h(report.tool.version)}">
<title>terra-iac audit report</title>
<style>${AUDIT_CSS}</style>
</head>
<body>
<header>
<h1>terra-iac audit report</h1>
<p class="meta">Generated ${h(report.provenance.generatedAt)} from ${commitText(report)} by terra-iac ${h(report.tool.version)}</p>
${summary(report)}
</header>
<main>
<section id="matrix" aria-labelledby="matrix-title">
<h2 id="matrix-title">Providers by environment</h2>
${matrix(report)}
${legend(report)}
</section>
<section id="environments" aria-labelledby="environments-title">
<h2 id="environments-title">Environments</h2>
<div class="env-grid">
${report.environments.map(environment).join('\n')}
</div>
</section>
<section id="findings" aria-labelledby="findings-title">
<h2 id="findings-title">Open findings</h2>
${findings(report)}
</section>
<section id="provenance" aria-labelledby="provenance-title">
<h2 id="provenance-title">Provenance</h2>
${provenance(report)}
</section>
</main>
</body>
</html>
`;
}

function commitText(report: AuditReport): string {
  const git = report.provenance.git;
  return git.commit ? `commit <code>${h(git.commit.slice(0, 12))}</code>` : h(git.note ?? 'no commit');
}

function summary(report: AuditReport): string {
  const s = report.summary;
  return `<ul class="summary"><li>${plural(s.environments, 'environment')}</li><li>${plural(s.providers, 'provider')}</li><li class="errors">${plural(s.errors, 'error')}</li><li class="warnings">${plural(s.warnings, 'warning')}</li><li>${plural(s.infos, 'note')}</li></ul>`;
}

function matrix(report: AuditReport): string {
  if (report.providers.length === 0) return '<p>No environment declares a provider.</p>';
  const head = report.environments
    .map((e) => `<th scope="col" class="env" data-environment="${h(e.name)}">${h(e.name)}${tierText(e)}${e.devId ? `<span class="env-devid">${h(e.devId)}</span>` : ''}</th>`)
    .join('');
  const rows = report.providers.map((row) => {
    const differs = differsFromLeft(row);
    return `<tr data-provider="${h(row.code)}">${providerHeader(row)}<td class="types">${h(row.dataTypes?.values.join(', ') ?? 'unknown')}</td>${row.cells.map((c, i) => cell(c, row, differs[i])).join('')}</tr>`;
  });
  return `<div class="scroll"><table class="matrix">
<thead><tr><th scope="col">Provider</th><th scope="col">Data types <span class="note">(catalog)</span></th>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>`;
}

/** The tier under the environment's name, unless it would repeat it (`staging` of tier staging). */
function tierText(env: EnvironmentAudit): string {
  const tier = env.tier ?? 'tier unknown';
  return tier === env.name ? '' : `<span class="env-tier">${h(tier)}</span>`;
}

function providerHeader(row: ProviderRow): string {
  const badges = rowBadges(row).map((b) => `<span class="badge${b === 'mobile SDK only' ? ' sdk' : ''}">${h(b)}</span>`);
  return `<th scope="row">${h(row.name)} <code>${h(row.code)}</code>${badges.length ? `<br>${badges.join('')}` : ''}</th>`;
}

function cell(c: ProviderCell, row: ProviderRow, differsFrom: string | undefined): string {
  const kind = cellKind(c, row);
  const differs = differsFrom === undefined ? '' : ' cell-differs';
  const attrs = `class="cell cell-${kind}${differs}" data-environment="${h(c.environment)}" data-status="${c.status}" data-keys="${c.keys ?? 'none'}"${differsFrom === undefined ? '' : ` data-differs-from="${h(differsFrom)}"`}`;
  const mark = differsFrom === undefined ? '' : `<span class="differs-mark" title="${h(`differs from ${differsFrom}`)}">${DIFFERS_MARK}</span> `;
  if (kind === 'not-declared') return `<td ${attrs} title="${h(CELL_LEGEND[kind].meaning)}">${mark}—</td>`;
  const details = cellDetails(c);
  const list = details.length ? `<ul class="details">${details.map((d) => `<li>${hc(d)}</li>`).join('')}</ul>` : '';
  return `<td ${attrs}>${mark}<span class="pill" title="${h(CELL_LEGEND[kind].meaning)}">${h(CELL_LEGEND[kind].label)}</span>${list}</td>`;
}

/** A text marker, not only a colour, so a black-and-white print shows it too. */
const DIFFERS_MARK = '≠';

function legend(report: AuditReport): string {
  const used = new Set<CellKind>(report.providers.flatMap((row) => row.cells.map((c) => cellKind(c, row))));
  const items = (Object.keys(CELL_LEGEND) as CellKind[])
    .filter((k) => used.has(k))
    .map((k) => `<li class="cell-${k}">${k === 'not-declared' ? '—' : `<span class="pill">${h(CELL_LEGEND[k].label)}</span>`} ${h(CELL_LEGEND[k].meaning)}</li>`);
  if (report.providers.some((row) => differsFromLeft(row).some((d) => d !== undefined))) {
    items.push(`<li class="legend-differs"><span class="differs-mark">${DIFFERS_MARK}</span> differs from the environment to its left (another marker or other details)</li>`);
  }
  return `<ul class="legend">${items.join('')}</ul>
<p class="note">Data types are the catalog's general knowledge of each provider, not a table Terra publishes.</p>`;
}

function environment(env: EnvironmentAudit): string {
  const rows: [string, string][] = [
    ['File', `<code>${h(env.file)}</code>`],
    ['Tier', h(env.tier ?? 'unknown')],
  ];
  if (env.valid) {
    if (env.description) rows.push(['Description', hc(env.description)]);
    rows.push(['Dev-id', `<code>${h(env.devId ?? '')}</code>`]);
    if (env.api) rows.push(['Terra API', `<code>${h(env.api.baseUrl)}</code>${env.api.isDefault ? ' (default)' : ''}`]);
    rows.push(['Webhook', env.webhook ? `<code>${h(env.webhook.url)}</code><br>${h(eventTypesText(env.webhook.eventTypes))}` : 'none']);
    for (const d of env.destinations) rows.push([`Destination (${h(d.type)})`, `<code>${h(d.name)}</code>${d.region ? ` in ${h(d.region)}` : ''}`]);
    rows.push(['Data', h(dataText(env.data))]);
    rows.push(['Widget', h(widgetText(env.widget))]);
    rows.push(['User limit', `${h(userLimitText(env.users.limit))}${env.users.planned === null ? '' : `, ${env.users.planned} planned`}`]);
    rows.push(['Owners', env.owners.map((o) => `${h(o.team)}${o.email ? ` (${h(o.email)})` : ''}`).join('<br>')]);
    if (env.aws) rows.push(['AWS', `${h(env.aws.region ?? 'stack region')}; KMS ${h(kmsText(env.aws.kmsKey))}; recovery ${env.aws.recoveryWindowInDays} days${env.aws.consumerRoleArn ? `<br>read by <code>${h(env.aws.consumerRoleArn)}</code>` : ''}`]);
    for (const link of env.links) rows.push(['Link', h(link)]);
    const secrets = env.secrets.map((s) => `<li><code>${h(s.name)}</code> ← ${h(secretSourceText(s.source))}</li>`).join('');
    rows.push(['Secrets (names)', secrets ? `<ul class="secrets">${secrets}</ul>` : 'none']);
  }
  rows.push(['Findings', `${plural(env.findings.errors, 'error')}, ${plural(env.findings.warnings, 'warning')}, ${plural(env.findings.infos, 'note')}`]);
  const invalid = env.valid ? '' : '<p class="sev-error">This file does not pass validation; see the findings.</p>';
  return `<section class="env" data-environment="${h(env.name)}"><h3>${h(env.name)}</h3>${invalid}<dl>${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl></section>`;
}

function findings(report: AuditReport): string {
  if (report.findings.length === 0) return '<p>None: every file passes validation.</p>';
  // Errors first, then warnings, then infos; within a severity the report's order (file, then position).
  const sorted = [...report.findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
  const rows = sorted.map(
    (f) =>
      `<tr data-severity="${h(f.severity)}"><td class="sev-${h(f.severity)}">${h(f.severity)}</td><td><code>${h(`${f.file}:${f.line}:${f.column}`)}</code></td><td><code>${h(f.ruleId)}</code></td><td>${hc(f.message)}${f.hint ? `<br><span class="hint">${hc(f.hint)}</span>` : ''}</td></tr>`,
  );
  return `<div class="scroll"><table class="findings"><thead><tr><th scope="col">Severity</th><th scope="col">Where</th><th scope="col">Rule</th><th scope="col">Finding</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></div>`;
}

function provenance(report: AuditReport): string {
  const git = report.provenance.git;
  const commit = git.commit ? `<code>${h(git.commit)}</code>` : h(git.note ?? 'unknown');
  const uncommitted = git.uncommitted.length ? `<p>Uncommitted changes in: ${git.uncommitted.map((p) => `<code>${h(p)}</code>`).join(', ')}</p>` : '';
  const files = report.provenance.files.map((f) => `<tr><td><code>${h(f.path)}</code></td><td><code>${h(f.sha256 ?? 'unreadable')}</code></td><td>${f.bytes ?? ''}</td></tr>`);
  return `<p>Git commit: ${commit}</p>${uncommitted}
<div class="scroll"><table><thead><tr><th scope="col">File</th><th scope="col">SHA-256</th><th scope="col">Bytes</th></tr></thead><tbody>
${files.join('\n')}
</tbody></table></div>`;
}
