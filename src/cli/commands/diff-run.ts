import { EXIT, UsageError } from '../../core/errors';
import { plural } from '../../core/plural';
import { diffEnvironments } from '../../report/diff/environments';
import { diffSince } from '../../report/diff/history';
import { renderDiffJson, renderEnvironmentDiffText, renderHistoryText } from '../../report/diff/render';
import { loadProject } from '../../project';
import type { Io } from '../io';
import type { DiffArgs } from './diff';
import { projectRoot } from '../project-root';

/**
 * `terra-iac diff ENV_A ENV_B | --since GIT_REF [--format text|json] [--root DIR]`. Exit 0 without
 * differences, 1 with differences (so CI can gate on it), 2 when the diff cannot be made.
 */
export async function run({ values, positionals }: DiffArgs, io: Io): Promise<number> {
  const root = projectRoot(values.root, io.cwd);
  const json = values.format === 'json';
  if (values.since !== undefined) {
    if (positionals.length > 0) throw new UsageError('give either --since GIT_REF or two environments, not both');
    const diff = diffSince(root, values.since);
    io.stdout(json ? renderDiffJson(diff) : renderHistoryText(diff));
    return diff.changeCount > 0 ? EXIT.findings : EXIT.ok;
  }
  if (positionals.length !== 2) {
    throw new UsageError(
      `diff compares two environments: expected ENV_A ENV_B, got ${plural(positionals.length, 'argument')}`,
      'terra-iac diff staging production, or terra-iac diff --since v1.0',
    );
  }
  const [from, to] = positionals as [string, string];
  const diff = diffEnvironments(loadProject({ root, cwd: io.cwd }), from, to);
  io.stdout(json ? renderDiffJson(diff) : renderEnvironmentDiffText(diff));
  return diff.differences.length > 0 ? EXIT.findings : EXIT.ok;
}
