import { compareFacts, type Difference } from './compare';
import type { Fact } from './facts';

/** A change in the declaration, with the environment it belongs to. */
export interface HistoryChange extends Difference {
  environment: string;
}

/** One environment's declarations as last known: valid facts, or unknown when it never passed validation. */
export type EnvironmentState = { kind: 'valid'; file: string; facts: Fact[] } | { kind: 'unknown'; file: string };

/** Environment name to state; an environment that is not in the map is not declared. */
export type State = Map<string, EnvironmentState>;

/** Environment name to its file and facts at one commit (facts undefined: the file fails validation). */
export type LoadedSnapshot = Map<string, { file: string; facts: Fact[] | undefined }>;

/**
 * The changes from `before` to `snapshot`. A file that fails validation keeps its last valid state, so
 * its changes are attributed to the commit that makes it valid again rather than lost.
 */
export function transition(before: State, snapshot: LoadedSnapshot): { changes: HistoryChange[]; invalidFiles: string[]; after: State } {
  const changes: HistoryChange[] = [];
  const invalidFiles: string[] = [];
  const after: State = new Map();
  const names = [...new Set([...before.keys(), ...snapshot.keys()])].sort();
  for (const environment of names) {
    const previous = before.get(environment);
    const now = snapshot.get(environment);
    const add = (list: Omit<HistoryChange, 'environment'>[]) => changes.push(...list.map((c) => ({ environment, ...c })));
    if (!now) {
      if (previous) add([presence(previous.file, false)]);
      continue;
    }
    if (!now.facts) {
      invalidFiles.push(now.file);
      if (!previous) add([presence(now.file, true)]);
      after.set(environment, previous?.kind === 'valid' ? previous : { kind: 'unknown', file: now.file });
      continue;
    }
    if (!previous) add([presence(now.file, true), ...compareFacts([], now.facts, true)]);
    else if (previous.kind === 'unknown') add([validAgain(now.file)]);
    else add(compareFacts(previous.facts, now.facts, true));
    after.set(environment, { kind: 'valid', file: now.file, facts: now.facts });
  }
  return { changes, invalidFiles, after };
}

function presence(file: string, declared: boolean): Omit<HistoryChange, 'environment'> {
  const from = declared ? null : file;
  const to = declared ? file : null;
  return { key: 'environment', label: 'environment', from, to, fromText: declared ? 'not declared' : `declared in ${file}`, toText: declared ? `declared in ${file}` : 'removed' };
}

function validAgain(file: string): Omit<HistoryChange, 'environment'> {
  return { key: 'environment', label: 'environment', from: 'invalid', to: 'valid', fromText: `${file} failed validation`, toText: `${file} passes validation` };
}
