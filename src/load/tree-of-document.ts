import type { Document, Node } from 'yaml';
import type { PathSegment } from '../core/diagnostic';
import type { Target } from '../core/finding';
import { yamlLib } from './yaml-lib';
import type { TreeComment, TreeNode, TreePair, YamlTree } from './yaml-tree';

/**
 * yaml's Document as the pipeline's tree, so the Document itself (and what it holds) can be dropped once
 * its problems are known. Recursion is safe: depth-prescan.ts refused anything deeper than
 * MAX_NESTING_DEPTH before yaml parsed it, and aliases are not followed.
 */
export function treeOfDocument(doc: Document.Parsed): YamlTree {
  const comments = commentsOf(doc);
  const root = convert(doc.contents as Node | null);
  return { root: () => root, mirroredByData: false, commentTexts: comments.map((c) => c.text), comments: () => comments };
}

function convert(node: Node | null | undefined): TreeNode | null {
  if (node === null || node === undefined) return null;
  const { isMap, isPair, isScalar, isSeq } = yamlLib();
  if (isScalar(node)) return { kind: 'scalar', start: node.range![0], end: node.range![1], value: node.value };
  if (isMap(node)) {
    const pairs: TreePair[] = node.items.map((pair) => ({ key: convert(pair.key as Node | null), value: convert(pair.value as Node | null) }));
    return { kind: 'map', start: node.range![0], end: node.range![1], pairs };
  }
  if (isSeq(node)) {
    const items = node.items.map((item): TreeNode | null => (isPair(item) ? { kind: 'pair-item' } : convert(item as Node | null)));
    return { kind: 'seq', start: node.range![0], end: node.range![1], items };
  }
  return other(node);
}

function other(node: unknown): TreeNode {
  const range = (node as { range?: [number, number] | null }).range;
  return range ? { kind: 'other', start: range[0], end: range[1] } : { kind: 'other' };
}

/**
 * Every comment with the path of the node it is attached to, in document order. Aliases are not followed;
 * keys that are not scalars, and the second of two equal keys, are skipped: a path cannot address them.
 */
function commentsOf(doc: Document.Parsed): TreeComment[] {
  const { isMap, isScalar, isSeq } = yamlLib();
  const out: TreeComment[] = [];
  const path: PathSegment[] = [];
  const add = (node: { commentBefore?: string | null; comment?: string | null }, target: Target) => {
    if (node.commentBefore) out.push({ path: [...path], target, text: node.commentBefore });
    if (node.comment) out.push({ path: [...path], target, text: node.comment });
  };
  const visit = (node: Node | null | undefined): void => {
    if (!node) return;
    add(node, 'value');
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const name = String(pair.key.value);
        if (seen.has(name)) continue;
        seen.add(name);
        path.push(name);
        add(pair.key, 'key');
        visit(pair.value as Node | null);
        path.pop();
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        path.push(i);
        visit(item as Node);
        path.pop();
      });
    }
  };
  add(doc, 'value');
  visit(doc.contents as Node | null);
  return out;
}
