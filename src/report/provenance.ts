import { createHash } from 'node:crypto';
import { readRegularFile } from '../load/safe-read';
import type { SourceFile } from '../load/source-file';
import { GitError, git, requireRepository } from './git';
import type { GitProvenance, Provenance } from './types';

/**
 * When the report was made: SOURCE_DATE_EPOCH (seconds, the reproducible-builds convention) when set, so
 * the same commit always gives the same report; otherwise now.
 */
export function reportTime(env: Readonly<Record<string, string | undefined>>, now: () => Date = () => new Date()): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d{1,12}$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString();
  return now().toISOString();
}

/** Files past this are not hashed; the pipeline refuses any config file over 1 MiB anyway. */
const MAX_HASHED_BYTES = 16 * 1024 * 1024;

/**
 * SHA-256 and size of each file's bytes as they are on disk (not the decoded text). Read as the pipeline
 * reads (regular files only, without blocking, never out of `root`): a named pipe in config/ would hang the
 * audit, and the hash of a linked ~/.aws/credentials is not the report's to give.
 */
export function fileHashes(files: readonly SourceFile[], root?: string): Provenance['files'] {
  return files.map((file) => {
    const read = readRegularFile(file.absPath, { maxBytes: MAX_HASHED_BYTES, ...(root === undefined ? {} : { root }) });
    if ('failure' in read) return { path: file.path, sha256: null, bytes: null };
    return { path: file.path, sha256: createHash('sha256').update(read.bytes).digest('hex'), bytes: read.bytes.length };
  });
}

/** The commit the files were read from, and which of them differ from it. Never throws. */
export function gitProvenance(root: string, paths: readonly string[]): GitProvenance {
  let commit: string;
  try {
    commit = requireRepository(root);
  } catch (error) {
    const problem = error instanceof GitError ? error.problem : 'failed';
    const note = problem === 'not-a-repository' ? 'not a git repository' : problem === 'no-commits' ? 'no commits yet' : problem === 'not-installed' ? 'git is not installed' : 'git failed';
    return { commit: null, note, uncommitted: [] };
  }
  if (paths.length === 0) return { commit, uncommitted: [] };
  try {
    const changed = git(root, ['diff', '--name-only', '--relative', '-z', 'HEAD', '--', ...paths]).split('\0');
    const untracked = git(root, ['ls-files', '--others', '--exclude-standard', '-z', '--', ...paths]).split('\0');
    const uncommitted = [...new Set([...changed, ...untracked].filter(Boolean))].sort();
    return { commit, uncommitted };
  } catch {
    return { commit, note: 'could not compare the files with the commit', uncommitted: [] };
  }
}
