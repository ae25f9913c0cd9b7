import type { SourceFile } from '../load/source-file';
import type { TreeNode } from '../load/yaml-tree';
import type { DocPath } from '../core/diagnostic';
import type { Target } from '../core/finding';
import { pairOf } from './key-index';

export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

const FILE_START: Span = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/** Line and column of a character range in a parsed file. */
export function spanOfRange(file: SourceFile, start: number, end: number): Span {
  if (!file.lineCounter) return FILE_START;
  // yaml puts some errors one past the last character of a file without a final newline; keep them inside.
  const last = file.text?.length ?? Number.MAX_SAFE_INTEGER;
  const from = Math.min(Math.max(start, 0), last);
  const a = file.lineCounter.linePos(from);
  const b = file.lineCounter.linePos(Math.min(Math.max(end, from), last));
  return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
}

/**
 * The only place a document path becomes a position. Points at the key for `target: 'key'`, at the value
 * otherwise, and falls back to the nearest existing parent when the path goes further than the document.
 */
export function locate(file: SourceFile, path: DocPath, target: Target = 'value'): Span {
  return locatorFor(file)(path, target);
}

/** `locate` for many findings of one file: its tree is taken (for a fast-parsed file, parsed again) once. */
export function locatorFor(file: SourceFile): (path: DocPath, target?: Target) => Span {
  const root = file.tree?.root() ?? null;
  return (path, target = 'value') => locateIn(file, root, path, target);
}

function locateIn(file: SourceFile, root: TreeNode | null, path: DocPath, target: Target): Span {
  if (!root) return FILE_START;
  let node: TreeNode = root;
  let keyRange: [number, number] | undefined;
  let missing = false;
  for (let i = 0; i < path.length && !missing; i++) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    if (node.kind === 'map') {
      const pair = pairOf(node, String(segment));
      if (!pair) {
        missing = true;
        break;
      }
      keyRange = rangeOf(pair.key);
      if (last && target === 'key') return spanOrStart(file, keyRange);
      if (!pair.value) return spanOrStart(file, keyRange);
      node = pair.value;
    } else if (node.kind === 'seq' && typeof segment === 'number' && node.items[segment]) {
      const item = node.items[segment]!;
      // A `key: value` item of a flow list (`[a: 1]`): yaml's Pair, which a path does not enter.
      if (item.kind === 'pair-item') break;
      keyRange = undefined;
      node = item;
    } else {
      missing = true;
    }
  }
  if (missing) {
    // The path leaves the document: point at the key that holds the nearest existing parent.
    const start = rangeOf(node)?.[0];
    return spanOrStart(file, keyRange ?? (start === undefined ? undefined : [start, start]));
  }
  return spanOrStart(file, rangeOf(node) ?? keyRange);
}

function rangeOf(node: TreeNode | null | undefined): [number, number] | undefined {
  return node && node.start !== undefined && node.end !== undefined ? [node.start, node.end] : undefined;
}

function spanOrStart(file: SourceFile, range: [number, number] | undefined): Span {
  return range ? spanOfRange(file, range[0], range[1]) : FILE_START;
}
