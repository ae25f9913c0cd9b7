import { deployedEnvironment } from '../model/stack-values';
import { TIERS } from '../catalog/environment-limits';
import type { EnvironmentEntry, StackEntry } from '../validate/project-view';
import type { Diagnostic } from '../core/diagnostic';
import type { LoadedProject } from '../validate/load-project';
import { countFindings, environmentAudit } from './environment-audit';
import { fileHashes, gitProvenance, reportTime } from './provenance';
import { providerCell, providerRow } from './provider-cells';
import { SensitiveValues } from './redact';
import { AUDIT_REPORT_VERSION, type AuditFinding, type AuditReport, type ProviderRow, type Provenance } from './types';

/** What the report needs besides the project; injected so tests and reproducible builds control it. */
export interface ReportContext {
  toolVersion: string;
  provenance: Provenance;
}

/** The provenance of a project loaded from disk: git commit, file hashes, time (see reportTime). */
export function collectProvenance(project: LoadedProject, env: Readonly<Record<string, string | undefined>>, now?: () => Date): Provenance {
  return {
    generatedAt: reportTime(env, now),
    git: gitProvenance(project.root, project.files.map((f) => f.path)),
    files: fileHashes(project.files, project.root),
  };
}

/** The audit report of a loaded project. Pure: everything it reads is in its arguments. */
export function buildAuditReport(project: LoadedProject, context: ReportContext): AuditReport {
  const sensitive = new SensitiveValues(project.diagnostics, project.files);
  const entries = [...project.environments].sort(byTierThenName);
  const owner = environmentOfFile(project.environments, project.stacks);
  const findings = project.diagnostics.map((d) => auditFinding(d, owner.get(d.file)));
  const environments = entries.map((entry) =>
    environmentAudit(entry, project.diagnostics.filter((d) => owner.get(d.file) === entry.name), sensitive),
  );
  const providers = matrix(entries, sensitive);
  // One gate for all four formats: key tokens masked, unsafe characters escaped in every string.
  return sensitive.safe({
    reportVersion: AUDIT_REPORT_VERSION,
    tool: { name: 'terra-iac', version: context.toolVersion },
    provenance: context.provenance,
    environments,
    providers,
    findings,
    summary: { environments: environments.length, providers: providers.length, ...countFindings(project.diagnostics) },
  } satisfies AuditReport);
}

function matrix(entries: readonly EnvironmentEntry[], sensitive: SensitiveValues): ProviderRow[] {
  const codes = new Set<string>();
  for (const entry of entries) for (const code of Object.keys(entry.model?.providers ?? {})) codes.add(code);
  const rows = [...codes].map((code) =>
    providerRow(
      code,
      entries.map((entry) => {
        if (!entry.model) return { environment: entry.name, status: 'unknown' as const, keys: null };
        const reveal = (path: readonly (string | number)[], value: string) => String(sensitive.show(entry.file.path, path, value));
        return providerCell(entry.name, code, entry.model.providers[code], reveal);
      }),
    ),
  );
  return rows.sort((a, b) => surfaceRank(a) - surfaceRank(b) || a.code.localeCompare(b.code));
}

/** Web providers first, then mobile-SDK ones, then codes the catalog does not know. */
function surfaceRank(row: ProviderRow): number {
  return row.surface === 'web' ? 0 : row.surface === 'mobile-sdk' ? 1 : 2;
}

/** testing, staging, production, then environments of unknown tier; by name within a tier. */
function byTierThenName(a: EnvironmentEntry, b: EnvironmentEntry): number {
  const rank = (e: EnvironmentEntry) => (e.tier ? TIERS.indexOf(e.tier) : TIERS.length);
  return rank(a) - rank(b) || a.name.localeCompare(b.name);
}

/** Which environment each file belongs to: config/<env>.yaml, and the stack that deploys it. */
function environmentOfFile(environments: readonly EnvironmentEntry[], stacks: readonly StackEntry[]): Map<string, string> {
  const owner = new Map<string, string>();
  for (const env of environments) owner.set(env.file.path, env.name);
  for (const stack of stacks) {
    owner.set(stack.file.path, deployedEnvironment(stack.name, stack.model?.config?.['terra-iac:environment']));
  }
  return owner;
}

function auditFinding(d: Diagnostic, environment: string | undefined): AuditFinding {
  const finding: AuditFinding = { ruleId: d.ruleId, severity: d.severity, file: d.file, line: d.line, column: d.column, message: d.message };
  if (d.hint) finding.hint = d.hint;
  if (environment) finding.environment = environment;
  return finding;
}
