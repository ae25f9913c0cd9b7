import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { FORMATTERS, FORMAT_NAMES, type FormatName } from '../../formatters';
import { ruleCatalog } from '../../formatters/rule-catalog';
import { summaryLine } from '../../formatters/text';
import { failsAt, type Diagnostic } from '../../validate/diagnostic';
import { UsageError as LoadUsageError, loadProject, type LoadedProject } from '../../validate/load-project';
import { PassphraseFileError, passphraseFromEnv } from '../../infra/stack-passphrase';
import { VERSION } from '../../version';
import { listFlag, parseArgs, stringFlag } from '../args';
import { colorAllowed, CommandError, EXIT, UsageError, type Command, type Io } from '../io';
import { isDirectory, writeReportFile, type ReportInput } from '../write-report-file';

const USAGE = `Usage: terra-iac validate [FILES...] [--env NAME]... [--format ${FORMAT_NAMES.join('|')}] [--output FILE]
                          [--fail-on error|warning] [--root DIR]

Checks config/*.yaml, Pulumi.yaml and Pulumi.*.yaml (or only FILES, or only the named environments).
  --env NAME      check config/NAME.yaml and Pulumi.NAME.yaml (repeatable)
  --format F      text (default), json, sarif, github (workflow annotations) or junit
  --output FILE   write the report to FILE (atomically) and a summary to stderr
  --fail-on SEV   exit 1 on errors (default) or on warnings too
  --root DIR      project root (default: the current directory); github and sarif
                  reports then give paths from the current directory, as GitHub wants

Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 usage, configuration or I/O error.`;

const SPEC = {
  env: { value: true, repeat: true },
  format: { value: true, choices: FORMAT_NAMES },
  output: { value: true },
  'fail-on': { value: true, choices: ['error', 'warning'] },
  root: { value: true },
  help: {},
};

/** `terra-iac validate [FILES...] [--env NAME]... [--format F] [--output FILE] [--fail-on error|warning]` */
export const validateCommand: Command = async (args, io) => {
  if (args.includes('-h')) return help(io);
  const parsed = parseArgs(args, SPEC);
  if (parsed.flags.help) return help(io);
  const root = resolve(io.cwd, stringFlag(parsed, 'root') ?? '.');
  const format = (stringFlag(parsed, 'format') ?? 'text') as FormatName;
  const failOn = (stringFlag(parsed, 'fail-on') ?? 'error') as 'error' | 'warning';
  const output = stringFlag(parsed, 'output');
  const envs = listFlag(parsed, 'env');
  if (envs.length && parsed.positionals.length) {
    throw new UsageError('name FILES or --env, not both', 'to check one environment, use --env NAME; to check files, list them');
  }
  refuseUnsafePassphraseFile(io.env);
  const project = load(root, parsed.positionals, envs, io.cwd, io.env);
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
};

/**
 * GitHub places annotations and code-scanning alerts by paths from the repository root, which is where a
 * workflow runs: with `--root sub/dir`, those two formats get paths from the working directory instead.
 */
function repoRelative(format: FormatName, diagnostics: readonly Diagnostic[], root: string, cwd: string): readonly Diagnostic[] {
  const prefix = relative(cwd, root).split(sep).join('/');
  if ((format !== 'github' && format !== 'sarif') || !prefix || prefix.startsWith('..') || isAbsolute(prefix)) return diagnostics;
  return diagnostics.map((d) => (isAbsolute(d.file) ? d : { ...d, file: `${prefix}/${d.file}` }));
}

function help(io: Io): number {
  io.stdout(`${USAGE}\n`);
  return EXIT.ok;
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
 * that is merely missing is stack-secret-decrypts' warning, as before.
 */
function refuseUnsafePassphraseFile(env: Io['env']): void {
  try {
    passphraseFromEnv(env);
  } catch (error) {
    if (error instanceof PassphraseFileError && error.unsafe) throw new CommandError(error.message, error.hint);
    if (!(error instanceof PassphraseFileError)) throw error;
  }
}

function load(root: string, files: string[], envs: string[], cwd: string, env: Io['env']): LoadedProject {
  if (!files.length && !isDirectory(root)) {
    throw new CommandError(`project root ${root} is not a directory`, 'run from the project root, or pass --root DIR');
  }
  let project: LoadedProject;
  try {
    // env: PULUMI_CONFIG_PASSPHRASE lets stack-secret-decrypts prove each secure value opens.
    project = loadProject({ root, files, envs, cwd, env });
  } catch (error) {
    if (error instanceof LoadUsageError) throw new UsageError(error.message);
    throw error;
  }
  if (project.files.length === 0) {
    throw new CommandError(
      `no files to check under ${root}: no config/*.yaml, Pulumi.yaml or Pulumi.*.yaml`,
      'run from the project root (it holds config/ and Pulumi.yaml), pass --root DIR, or name files',
    );
  }
  return project;
}

