import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { FORMATTERS, FORMAT_NAMES } from '../../formatters';
import { VERSION } from '../../version';
import { failsAt } from '../../validate/diagnostic';
import { UsageError as LoadUsageError, loadProject } from '../../validate/load-project';
import { listFlag, parseArgs, stringFlag } from '../args';
import { CommandError, EXIT, UsageError, type Command } from '../io';

const SPEC = {
  env: { value: true, repeat: true },
  format: { value: true, choices: FORMAT_NAMES },
  output: { value: true },
  'fail-on': { value: true, choices: ['error', 'warning'] },
  root: { value: true },
};

/** `terra-iac validate [FILES...] [--env NAME]... [--format F] [--output FILE] [--fail-on error|warning]` */
export const validateCommand: Command = async (args, io) => {
  const parsed = parseArgs(args, SPEC);
  const root = resolve(io.cwd, stringFlag(parsed, 'root') ?? '.');
  const format = stringFlag(parsed, 'format') ?? 'text';
  const failOn = (stringFlag(parsed, 'fail-on') ?? 'error') as 'error' | 'warning';
  let project;
  try {
    project = loadProject({ root, files: parsed.positionals, envs: listFlag(parsed, 'env'), cwd: io.cwd });
  } catch (error) {
    if (error instanceof LoadUsageError) throw new UsageError(error.message);
    throw error;
  }
  if (project.files.length === 0) {
    throw new CommandError(`no files to check under ${root}`, 'run from the project root (it holds config/ and Pulumi.yaml), or name files');
  }
  const sources = new Map(project.files.map((f) => [f.path, f.text]));
  const color = io.isTTY && !io.env.NO_COLOR && !stringFlag(parsed, 'output');
  const text = FORMATTERS[format]!(project.diagnostics, { sources, summary: project.summary, color, toolVersion: VERSION });
  const output = stringFlag(parsed, 'output');
  if (output) writeAtomically(resolve(io.cwd, output), text);
  else io.stdout(text);
  if (output || format !== 'text') {
    const { errors, warnings } = project.summary;
    io.stderr(`terra-iac: ${project.summary.files} files checked: ${errors} errors, ${warnings} warnings\n`);
  }
  if (project.diagnostics.some((d) => d.ruleId === 'file-unreadable')) return EXIT.error;
  return failsAt(project.diagnostics, failOn) ? EXIT.findings : EXIT.ok;
};

/** Write to a sibling temp file and rename, so a reader never sees half a report. */
function writeAtomically(path: string, text: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, text);
    renameSync(temp, path);
  } catch (error) {
    throw new CommandError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
