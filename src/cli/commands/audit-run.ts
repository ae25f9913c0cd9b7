import { resolve } from 'node:path';
import { EXIT, TerraIacError, UsageError } from '../../core/errors';
import { plural } from '../../core/plural';
import { buildAuditReport, collectProvenance } from '../../report/build-report';
import { AUDIT_RENDERERS } from '../../report/render';
import { loadProject } from '../../project';
import { VERSION } from '../../core/version';
import type { Io } from '../io';
import { writeReportFile } from '../write-report-file';
import type { AuditArgs } from './audit';
import { projectRoot } from '../project-root';

/**
 * `terra-iac audit [--format md|csv|json|html] [--output FILE] [--root DIR]`. A report, not a gate: it exits 0
 * even when it lists findings (`terra-iac validate` is the gate), and 2 when it cannot be made or written.
 */
export async function run({ values, positionals }: AuditArgs, io: Io): Promise<number> {
  if (positionals.length > 0) {
    throw new UsageError(`audit takes no file arguments (got "${positionals[0]}")`, 'it always reports every config/*.yaml and Pulumi.*.yaml');
  }
  const root = projectRoot(values.root, io.cwd);
  const { format, output } = values;
  const project = loadProject({ root, cwd: io.cwd });
  if (project.environments.length === 0) {
    throw new TerraIacError(`no environments under ${root}: config/*.yaml is missing`, 'config', {
      hint: 'run from the project root or a folder below it (the nearest folder up that holds config/ and Pulumi.yaml), or pass --root DIR',
    });
  }
  const report = buildAuditReport(project, { toolVersion: VERSION, provenance: collectProvenance(project, io.env) });
  const text = AUDIT_RENDERERS[format](report);
  if (!output) {
    io.stdout(text);
    return EXIT.ok;
  }
  writeReportFile(resolve(io.cwd, output), text, output, project.files.map((f) => ({ absPath: f.absPath, shownAs: f.path })));
  const { errors, warnings } = report.summary;
  io.stderr(`terra-iac: wrote the ${format} audit report of ${plural(report.summary.environments, 'environment')} to ${output} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})\n`);
  return EXIT.ok;
}
