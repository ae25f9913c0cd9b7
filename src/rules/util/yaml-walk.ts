import type { DocPath, PathSegment } from '../../core/diagnostic';
import type { Target } from '../../core/finding';
import type { TreeNode, YamlTree } from '../../load/yaml-tree';

/** A string scalar value in a document, with where it is and the map key that holds it; valid during the callback only. */
export interface ScalarSite {
  /** Where the value is; call it only when reporting (it copies the walk's path). */
  path(): DocPath;
  /** The nearest map key above the value (the key itself for map values; the list's key for list items). */
  key: string | undefined;
  value: string;
  /** How many entries the map holding the value has (0 for list items): `{ secure: ... }` has exactly one. */
  siblings: number;
}

/** A comment in a document, reported at the node it is attached to. */
export interface CommentSite {
  path: DocPath;
  target: Target;
  text: string;
}

/**
 * Walks the parsed YAML tree, so files with YAML problems are still searched; where the data holds exactly
 * the tree's scalars (`mirroredByData`: the fast parser's files) it walks the data, the same values in the
 * same order, so the tree is never built. Aliases are not followed: their anchors are visited where they
 * are defined. One mutable path is shared by the whole walk, because config runs touch every scalar of
 * thousands of files.
 * `commentMatters`, when given, says which comment texts `onComment` would act on: if none does, where the
 * comments are attached is never worked out (for a file the fast parser read, that takes yaml's full parse).
 */
export function walkDocument(
  tree: YamlTree,
  data: unknown,
  onScalar: (site: ScalarSite) => void,
  onComment?: (site: CommentSite) => void,
  commentMatters?: (text: string) => boolean,
): void {
  const path: PathSegment[] = [];
  const visit = (node: TreeNode | null, key: string | undefined, siblings: number): void => {
    if (!node) return;
    if (node.kind === 'scalar') {
      if (typeof node.value === 'string') onScalar({ path: () => [...path], key, value: node.value, siblings });
    } else if (node.kind === 'map') {
      const seen = new Set<string>();
      for (const pair of node.pairs) {
        if (pair.key?.kind !== 'scalar') continue;
        const name = String(pair.key.value);
        // A path cannot address the second of two duplicate keys (yaml-duplicate-key reports it): skip it
        // rather than report a finding at the first one's position.
        if (seen.has(name)) continue;
        seen.add(name);
        path.push(name);
        visit(pair.value, name, node.pairs.length);
        path.pop();
      }
    } else if (node.kind === 'seq') {
      node.items.forEach((item, i) => {
        path.push(i);
        visit(item, key, 0);
        path.pop();
      });
    }
  };
  if (tree.mirroredByData) walkData(data, onScalar);
  else visit(tree.root(), undefined, 0);
  if (onComment && (commentMatters === undefined || tree.commentTexts.some(commentMatters))) {
    for (const comment of tree.comments()) onComment(comment);
  }
}

/**
 * walkDocument over plain data that mirrors the tree: a map's own keys in order, a list's items. One site
 * object serves every scalar (filled in before each call), since a large run visits millions of them.
 */
function walkData(data: unknown, onScalar: (site: ScalarSite) => void): void {
  const path: PathSegment[] = [];
  const site: ScalarSite = { path: () => [...path], key: undefined, value: '', siblings: 0 };
  const visit = (value: unknown, key: string | undefined, siblings: number): void => {
    if (typeof value === 'string') {
      site.key = key;
      site.value = value;
      site.siblings = siblings;
      onScalar(site);
    }
    else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        visit(value[i], key, 0);
        path.pop();
      }
    } else if (value !== null && typeof value === 'object') {
      const names = Object.keys(value);
      for (const name of names) {
        path.push(name);
        visit((value as Record<string, unknown>)[name], name, names.length);
        path.pop();
      }
    }
  };
  visit(data, undefined, 0);
}
