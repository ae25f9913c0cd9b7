import { resolve } from 'node:path';
import { plural } from '../../core/plural';
import { DiffError } from '../../report/diff/diff-error';
import { diffEnvironments } from '../../report/diff/environments';
import { diffSince } from '../../report/diff/history';
import { DIFF_FORMATS, renderDiffJson, renderEnvironmentDiffText, renderHistoryText } from '../../report/diff/render';
import { loadProject } from '../../project';
import { parseArgs, stringFlag } from '../args';
import { CommandError, EXIT, UsageError, type Command } from '../io';

const SPEC = {
  since: { value: true },
  format: { value: true, choices: DIFF_FORMATS },
  root: { value: true },
};

/**
 * `terra-iac diff ENV_A ENV_B | --since GIT_REF [--format text|json]`. Exit 0 without differences, 1 with
 * differences (so CI can gate on it), 2 when the diff cannot be made.
 */
export const diffCommand: Command = async (args, io) => {
  const parsed = parseArgs(args, SPEC);
  const root = resolve(io.cwd, stringFlag(parsed, 'root') ?? '.');
  const json = stringFlag(parsed, 'format') === 'json';
  const since = stringFlag(parsed, 'since');
  try {
    if (since !== undefined) {
      if (parsed.positionals.length > 0) throw new UsageError('give either --since GIT_REF or two environments, not both');
      if (since === '') throw new UsageError('--since needs a git ref (a commit, branch or tag)');
      const diff = diffSince(root, since);
      io.stdout(json ? renderDiffJson(diff) : renderHistoryText(diff));
      return diff.changeCount > 0 ? EXIT.findings : EXIT.ok;
    }
    if (parsed.positionals.length !== 2) {
      throw new UsageError(
        `diff compares two environments: expected ENV_A ENV_B, got ${plural(parsed.positionals.length, 'argument')}`,
        'terra-iac diff staging production, or terra-iac diff --since v1.0',
      );
    }
    const [from, to] = parsed.positionals as [string, string];
    const diff = diffEnvironments(loadProject({ root, cwd: io.cwd }), from, to);
    io.stdout(json ? renderDiffJson(diff) : renderEnvironmentDiffText(diff));
    return diff.differences.length > 0 ? EXIT.findings : EXIT.ok;
  } catch (error) {
    if (error instanceof DiffError) throw new CommandError(error.message, error.hint);
    throw error;
  }
};
