import { isAbsolute, relative, resolve, sep } from 'node:path';
import { TerraIacError, UsageError, EXIT } from '../../core/errors';
import { FORMATTERS, type FormatName } from '../../formatters';
import { ruleCatalog } from '../../formatters/rule-catalog';
import { summaryLine } from '../../formatters/text';
import { failsAt, type Diagnostic } from '../../core/diagnostic';
import { loadProject } from '../../project';
import type { LoadedProject } from '../../validate/load-project';
import { VERSION } from '../../core/version';
import { colorAllowed, type Io } from '../io';
import { PassphraseFileError, passphraseFromEnv } from '../../load/stack-passphrase';
import { isDirectory, writeReportFile, type ReportInput } from '../write-report-file';
import type { ValidateArgs } from './validate';
import { projectRoot } from '../project-root';

/** `terra-iac validate [FILES...] [--env NAME]... [--format F] [--output FILE] [--fail-on error|warning]` */
export async function run({ values, positionals }: ValidateArgs, io: Io): Promise<number> {
  const root = projectRoot(values.root, io.cwd);
  const { format, output } = values;
  const failOn = values['fail-on'];
  const envs = values.env ?? [];
  if (envs.length && positionals.length) {
    throw new UsageError('name FILES or --env, not both', 'to check one environment, use --env NAME; to check files, list them');
  }
  refuseUnsafePassphraseFile(io.env);
  const project = load(root, positionals, envs, io.cwd, io.env);
  const sources = new Map(project.files.map((f) => [f.path, f.text]));
  const color = colorAllowed(io) && !output;
  const report = FORMATTERS[format](repoRelative(format, project.diagnostics, root, io.cwd), {
    sources,
    summary: project.summary,
    color,
    toolVersion: VERSION,
    rules: ruleCatalog(),
    failOn,
  });
  if (output) writeReportFile(resolve(io.cwd, output), report, undefined, inputsOf(project, io));
  else io.stdout(report);
  // The text report ends with the summary already; every other report gets it on stderr, for the log.
  if (output || format !== 'text') io.stderr(`terra-iac: ${summaryLine(project.summary)}${output ? `; report written to ${output}` : ''}\n`);
  if (project.diagnostics.some((d) => d.ruleId === 'file-unreadable')) return EXIT.error;
  return failsAt(project.diagnostics, failOn) ? EXIT.findings : EXIT.ok;
}

/**
 * GitHub places annotations and code-scanning alerts by paths from the repository root, which is where a
 * workflow runs: with `--root sub/dir`, those two formats get paths from the working directory instead.
 */
function repoRelative(format: FormatName, diagnostics: readonly Diagnostic[], root: string, cwd: string): readonly Diagnostic[] {
  const prefix = relative(cwd, root).split(sep).join('/');
  if ((format !== 'github' && format !== 'sarif') || !prefix || prefix.startsWith('..') || isAbsolute(prefix)) return diagnostics;
  return diagnostics.map((d) => (isAbsolute(d.file) ? d : { ...d, file: `${prefix}/${d.file}` }));
}

function load(root: string, files: string[], envs: string[], cwd: string, env: Io['env']): LoadedProject {
  if (!files.length && !isDirectory(root)) {
    throw new TerraIacError(`project root ${root} is not a directory`, 'config', { hint: 'run from the project root, or pass --root DIR' });
  }
  // env: PULUMI_CONFIG_PASSPHRASE lets stack-secret-decrypts prove each secure value opens.
  const project = loadProject({ root, files, envs, cwd, env });
  if (project.files.length === 0) {
    throw new TerraIacError(`no files to check under ${root}: no config/*.yaml, Pulumi.yaml or Pulumi.*.yaml`, 'config', {
      hint: 'run from the project root or a folder below it (the nearest folder up that holds config/ and Pulumi.yaml), pass --root DIR, or name files',
    });
  }
  return project;
}

/** Every file this run read, so --output can refuse to replace one of them. */
function inputsOf(project: LoadedProject, io: Io): ReportInput[] {
  const inputs = project.files.map((f) => ({ absPath: f.absPath, shownAs: f.path }));
  const passphraseFile = io.env.PULUMI_CONFIG_PASSPHRASE === undefined ? io.env.PULUMI_CONFIG_PASSPHRASE_FILE : undefined;
  if (passphraseFile) inputs.push({ absPath: resolve(io.cwd, passphraseFile), shownAs: 'the PULUMI_CONFIG_PASSPHRASE_FILE' });
  return inputs;
}

/**
 * A passphrase file that is a pipe, a device or huge stops the run (exit 2) before any file is checked; one
 * that is merely missing is stack-secret-decrypts' finding, as before.
 */
function refuseUnsafePassphraseFile(env: Io['env']): void {
  try {
    passphraseFromEnv(env);
  } catch (error) {
    if (!(error instanceof PassphraseFileError) || error.unsafe) throw error;
  }
}
