import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { DocPath, PathSegment } from '../../core/diagnostic';
import type { Target } from '../../core/finding';

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
 */
export function walkDocument(doc: Document.Parsed, onScalar: (site: ScalarSite) => void, onComment: (site: CommentSite) => void = () => {}): void {
  const path: PathSegment[] = [];
  const comments = (node: { commentBefore?: string | null; comment?: string | null }, target: Target) => {
    if (node.commentBefore) onComment({ path: [...path], target, text: node.commentBefore });
    if (node.comment) onComment({ path: [...path], target, text: node.comment });
  };
  const visit = (node: Node | null | undefined, key: string | undefined, siblings: number): void => {
    if (!node) return;
    comments(node, 'value');
    if (isScalar(node)) {
      if (typeof node.value === 'string') onScalar({ path: () => [...path], key, value: node.value, siblings });
    } else if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const name = String(pair.key.value);
        // A path cannot address the second of two duplicate keys (yaml-duplicate-key reports it): skip it
        // rather than report a finding at the first one's position.
        if (seen.has(name)) continue;
        seen.add(name);
        path.push(name);
        comments(pair.key, 'key');
        visit(pair.value as Node | null, name, node.items.length);
        path.pop();
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        path.push(i);
        visit(item as Node, key, 0);
        path.pop();
      });
    }
  };
  comments(doc, 'value');
  visit(doc.contents as Node | null, undefined, 0);
}
