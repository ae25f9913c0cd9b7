import { spawnSync } from 'node:child_process';
import { TerraIacError, type ExitKind } from '../core/errors';

/** Why a git question could not be answered; each is a clear message and exit code 2. */
export type GitProblem = 'not-installed' | 'not-a-repository' | 'no-commits' | 'unknown-ref' | 'failed';

const KIND: Record<GitProblem, ExitKind> = {
  'not-installed': 'io',
  failed: 'io',
  'not-a-repository': 'config',
  'no-commits': 'config',
  'unknown-ref': 'config',
};

export class GitError extends TerraIacError {
  override name = 'GitError';
  constructor(
    message: string,
    readonly problem: GitProblem,
  ) {
    super(message, KIND[problem]);
  }
}

/** Large enough for `git show` of any config file the loader accepts (1 MiB) and long logs. */
const MAX_BUFFER = 64 * 1024 * 1024;

/** Runs git in `cwd` and returns stdout; throws a GitError when git is missing or the command fails. */
export function git(cwd: string, args: readonly string[]): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: MAX_BUFFER, stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new GitError('git is not installed (or not on PATH)', 'not-installed');
    throw new GitError(`git ${args[0]} failed: ${result.error.message}`, 'failed');
  }
  if (result.status !== 0) {
    const detail = (result.stderr || '').trim().split('\n')[0] || `exit code ${result.status}`;
    throw new GitError(`git ${args[0]} failed: ${detail}`, 'failed');
  }
  return result.stdout;
}

/** True when `cwd` is inside a git work tree. */
export function isInsideWorkTree(cwd: string): boolean {
  try {
    return git(cwd, ['rev-parse', '--is-inside-work-tree']).trim() === 'true';
  } catch (error) {
    if (error instanceof GitError && error.problem === 'not-installed') throw error;
    return false;
  }
}

/** The full commit id `ref` names, or a GitError ('unknown-ref') when it names none. */
export function resolveCommit(cwd: string, ref: string): string {
  // `--end-of-options` keeps a ref such as `--output=x` from being read as an option.
  try {
    return git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).trim();
  } catch (error) {
    if (error instanceof GitError && error.problem === 'not-installed') throw error;
    throw new GitError(`unknown git ref "${ref}": no commit, branch or tag has that name`, 'unknown-ref');
  }
}

/** Fails with the right GitProblem unless `cwd` is in a repository with at least one commit. */
export function requireRepository(cwd: string): string {
  if (!isInsideWorkTree(cwd)) throw new GitError(`${cwd} is not in a git repository`, 'not-a-repository');
  try {
    return git(cwd, ['rev-parse', '--verify', '--quiet', 'HEAD']).trim();
  } catch {
    throw new GitError('the git repository has no commits yet', 'no-commits');
  }
}
