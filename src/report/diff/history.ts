import { discoverProject } from '../../load/discover';
import { readSource } from '../../load/read-source';
import { loadProject } from '../../project';
import { GitError, requireRepository, resolveCommit } from '../git';
import { SensitiveValues } from '../redact';
import { compareFacts } from './compare';
import { DiffError } from './diff-error';
import { DIFF_VERSION } from './environments';
import { environmentFacts } from './facts';
import { SnapshotReader, configCommits, type ConfigCommit, type ConfigSnapshot } from './git-snapshots';
import { transition, type EnvironmentState, type HistoryChange, type LoadedSnapshot, type State } from './history-transition';

/** A change to one environment's declarations. */
/** One commit that touched config/, with the declaration changes it made. */
export interface HistoryCommit extends ConfigCommit {
  /** Empty when the commit changed only comments or formatting. */
  changes: HistoryChange[];
  /** Environment files that did not pass validation at this commit (their changes show once they do). */
  invalidFiles: string[];
}

/** `terra-iac diff --since REF`: what changed in config/ since REF, commit by commit. */
export interface HistoryDiff {
  diffVersion: typeof DIFF_VERSION;
  kind: 'history';
  since: { ref: string; commit: string };
  head: string;
  commits: HistoryCommit[];
  /** Uncommitted changes to config/ in the working tree; null when there are none. */
  workingTree: { changes: HistoryChange[]; invalidFiles: string[] } | null;
  /** Changes in all commits and the working tree. */
  changeCount: number;
}

/**
 * Walks the commits after `ref` that touched config/, loads each version of the files through the same
 * pipeline as `validate`, and attributes every semantic change to the commit that made it.
 */
export function diffSince(root: string, ref: string): HistoryDiff {
  const { head, since } = resolveRange(root, ref);
  const reader = new SnapshotReader(root);
  const loaded = new Map<string, LoadedSnapshot>();
  const load = (snapshot: ConfigSnapshot): LoadedSnapshot => {
    let result = loaded.get(snapshot.signature);
    if (!result) loaded.set(snapshot.signature, (result = loadSnapshot(root, snapshot.files)));
    return result;
  };
  const effective = new Map<string, State>();
  const stateAt = (commit: string | null): State => {
    if (!commit) return new Map();
    return effective.get(commit) ?? initialState(load(reader.at(commit)));
  };
  const commits: HistoryCommit[] = configCommits(root, since).map((c) => {
    const step = transition(stateAt(c.parent), load(reader.at(c.commit)));
    effective.set(c.commit, step.after);
    return { ...c, changes: step.changes, invalidFiles: step.invalidFiles };
  });
  const tree = transition(stateAt(head), load(workingTreeSnapshot(root)));
  const workingTree = tree.changes.length > 0 ? { changes: tree.changes, invalidFiles: tree.invalidFiles } : null;
  const changeCount = commits.reduce((n, c) => n + c.changes.length, 0) + (workingTree?.changes.length ?? 0);
  return { diffVersion: DIFF_VERSION, kind: 'history', since: { ref, commit: since }, head, commits, workingTree, changeCount };
}

function resolveRange(root: string, ref: string): { head: string; since: string } {
  try {
    const head = requireRepository(root);
    return { head, since: resolveCommit(root, ref) };
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    const hints: Record<string, string> = {
      'not-a-repository': 'diff --since reads the git history of config/; run it inside the project\'s git checkout',
      'no-commits': 'commit the configuration first',
      'unknown-ref': 'name a commit, branch or tag that exists: git tag --list, git log --oneline -- config',
      'not-installed': 'install git, or compare two environments instead: terra-iac diff ENV_A ENV_B',
    };
    throw new DiffError(error.message, hints[error.problem]);
  }
}

/** Loads config files through the pipeline and keeps, per environment, its facts (undefined when invalid). */
function loadSnapshot(root: string, files: Record<string, string>): LoadedSnapshot {
  const result: LoadedSnapshot = new Map();
  if (Object.keys(files).length === 0) return result;
  const project = loadProject({ root, virtualFiles: files });
  const sensitive = new SensitiveValues(project.diagnostics, project.files);
  for (const entry of project.environments) {
    const facts = environmentFacts(entry, sensitive);
    result.set(entry.name, { file: entry.file.path, facts: facts && sensitive.safe(facts) });
  }
  return result;
}

function initialState(snapshot: LoadedSnapshot): State {
  const state: State = new Map();
  for (const [env, { file, facts }] of snapshot) state.set(env, facts ? { kind: 'valid', file, facts } : ({ kind: 'unknown', file } satisfies EnvironmentState));
  return state;
}

/** config/*.yaml as they are on disk now, committed or not. */
function workingTreeSnapshot(root: string): ConfigSnapshot {
  const files: Record<string, string> = {};
  for (const ref of discoverProject(root)) {
    if (ref.kind !== 'environment') continue;
    const read = readSource(ref.absPath, { root });
    // An unreadable file reads as empty: the pipeline then reports it invalid instead of this walk failing.
    files[ref.path] = 'text' in read ? read.text : '';
  }
  return { files, signature: '' };
}
