import type { DocPath, PathSegment } from '../../core/diagnostic';
import type { Target } from '../../core/finding';
import type { TreeNode, YamlTree } from '../../load/yaml-tree';

/** A string scalar value in a document, with where it is and the map key that holds it. */
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
 * Walks the parsed YAML tree (not the plain data), so files with YAML problems are still searched.
 * Aliases are not followed: their anchors are visited where they are defined. One mutable path is shared
 * by the whole walk, because config runs touch every scalar of thousands of files.
 * `commentMatters`, when given, says which comment texts `onComment` would act on: if none does, where the
 * comments are attached is never worked out (for a file the fast parser read, that takes yaml's full parse).
 */
export function walkDocument(
  tree: YamlTree,
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
  visit(tree.root, undefined, 0);
  if (onComment && (commentMatters === undefined || tree.commentTexts.some(commentMatters))) {
    for (const comment of tree.comments()) onComment(comment);
  }
}
