import { git } from '../git';

/** The config/*.yaml files of one commit: project-relative path to text, and the blob ids that identify them. */
export interface ConfigSnapshot {
  files: Record<string, string>;
  /** `path@blob` list: equal signatures mean equal files, so the snapshot need not be loaded twice. */
  signature: string;
}

/** An author-attributed commit that touched config/. */
export interface ConfigCommit {
  commit: string;
  parent: string | null;
  author: { name: string; email: string };
  /** Author date, ISO 8601 with the author's offset. */
  date: string;
  subject: string;
}

const ENVIRONMENT_FILE = /^config\/[^/]+\.ya?ml$/;
const FIELD = '\x1f';
const RECORD = '\x1e';

/**
 * Non-merge commits after `since` up to HEAD that touched config/, oldest first. Merges are left out:
 * their first-parent diff would repeat the changes of the branch they merge, already attributed.
 */
export function configCommits(root: string, since: string): ConfigCommit[] {
  const format = ['%H', '%P', '%an', '%ae', '%aI', '%s'].join('%x1f') + '%x1e';
  const out = git(root, ['log', '--reverse', '--topo-order', '--no-merges', `--format=${format}`, `${since}..HEAD`, '--', 'config']);
  return out
    .split(RECORD)
    .map((r) => r.replace(/^\n/, ''))
    .filter(Boolean)
    .map((record) => {
      const [commit, parents, name, email, date, subject] = record.split(FIELD) as [string, string, string, string, string, string];
      return { commit, parent: parents.split(' ')[0] || null, author: { name, email }, date, subject };
    });
}

/** Reads config/*.yaml as they were at `commit` (blob reads cached across commits by blob id). */
export class SnapshotReader {
  private readonly blobs = new Map<string, string>();

  constructor(private readonly root: string) {}

  at(commit: string): ConfigSnapshot {
    const listing = git(this.root, ['ls-tree', '-r', '-z', commit, '--', 'config']);
    const files: Record<string, string> = {};
    const parts: string[] = [];
    for (const entry of listing.split('\0').filter(Boolean)) {
      const tab = entry.indexOf('\t');
      const [, type, blob] = entry.slice(0, tab).split(' ') as [string, string, string];
      const path = entry.slice(tab + 1);
      if (type !== 'blob' || !ENVIRONMENT_FILE.test(path)) continue;
      files[path] = this.blob(blob);
      parts.push(`${path}@${blob}`);
    }
    return { files, signature: parts.sort().join('\n') };
  }

  private blob(id: string): string {
    let text = this.blobs.get(id);
    if (text === undefined) {
      text = git(this.root, ['cat-file', 'blob', id]);
      this.blobs.set(id, text);
    }
    return text;
  }
}
