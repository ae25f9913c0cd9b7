import { resolve } from 'node:path';
import { buildAuditReport, collectProvenance } from '../../report/build-report';
import { plural } from '../../plural';
import { AUDIT_FORMATS, AUDIT_RENDERERS, type AuditFormat } from '../../report/render';
import { loadProject } from '../../validate/load-project';
import { VERSION } from '../../version';
import { parseArgs, stringFlag } from '../args';
import { CommandError, EXIT, UsageError, type Command } from '../io';
import { writeReportFile } from '../write-report-file';

const SPEC = {
  format: { value: true, choices: AUDIT_FORMATS },
  output: { value: true },
  root: { value: true },
};

/**
 * `terra-iac audit [--format md|csv|json|html] [--output FILE]`. A report, not a gate: it exits 0 even
 * when it lists findings (`terra-iac validate` is the gate), and 2 when it cannot be made or written.
 */
export const auditCommand: Command = async (args, io) => {
  const parsed = parseArgs(args, SPEC);
  if (parsed.positionals.length > 0) {
    throw new UsageError(`audit takes no file arguments (got "${parsed.positionals[0]}")`, 'it always reports every config/*.yaml and Pulumi.*.yaml');
  }
  const root = resolve(io.cwd, stringFlag(parsed, 'root') ?? '.');
  const format = (stringFlag(parsed, 'format') ?? 'md') as AuditFormat;
  const project = loadProject({ root, cwd: io.cwd });
  if (project.environments.length === 0) {
    throw new CommandError(`no environments under ${root}: config/*.yaml is missing`, 'run from the project root (it holds config/ and Pulumi.yaml)');
  }
  const report = buildAuditReport(project, { toolVersion: VERSION, provenance: collectProvenance(project, io.env) });
  const text = AUDIT_RENDERERS[format](report);
  const output = stringFlag(parsed, 'output');
  if (!output) {
    io.stdout(text);
    return EXIT.ok;
  }
  const path = resolve(io.cwd, output);
  writeReportFile(path, text, output, project.files.map((f) => ({ absPath: f.absPath, shownAs: f.path })));
  const { errors, warnings } = report.summary;
  io.stderr(`terra-iac: wrote the ${format} audit report of ${plural(report.summary.environments, 'environment')} to ${output} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})\n`);
  return EXIT.ok;
};
