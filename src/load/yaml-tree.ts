import type { DocPath } from '../core/diagnostic';
import type { Target } from '../core/finding';

/**
 * The parsed shape of a file that every later stage sees, whichever parser produced it: the fast one
 * (fast-yaml.ts) or yaml's `parseDocument` (converted by tree-of-document.ts). It keeps what locating a
 * finding and walking the scalars need, character offsets as yaml's `range[0]` and `range[1]`, and nothing
 * else: yaml's nodes of a generated environment file hold about 14.5 KiB, this tree and the data together 10.4.
 */
export type TreeNode = TreeScalar | TreeMap | TreeSeq | TreeOther | TreePairItem;

export interface TreeScalar {
  readonly kind: 'scalar';
  readonly start: number;
  readonly end: number;
  /** The resolved value (core schema): string, number, boolean or null. */
  readonly value: unknown;
}

export interface TreePair {
  /** Null when the pair has no key at all (`: value`). */
  readonly key: TreeNode | null;
  /** Null when the pair has no value node. */
  readonly value: TreeNode | null;
}

export interface TreeMap {
  readonly kind: 'map';
  readonly start: number;
  readonly end: number;
  readonly pairs: readonly TreePair[];
}

export interface TreeSeq {
  readonly kind: 'seq';
  readonly start: number;
  readonly end: number;
  readonly items: readonly (TreeNode | null)[];
}

/** An alias (or any node yaml may add): located, never entered. */
export interface TreeOther {
  readonly kind: 'other';
  readonly start?: number;
  readonly end?: number;
}

/** A `key: value` pair written as an item of a flow list (`[a: 1]`): yaml gives it no range. */
export interface TreePairItem {
  readonly kind: 'pair-item';
  readonly start?: undefined;
  readonly end?: undefined;
}

/** A comment as yaml attaches it: to the node at `path` (its key for `target: 'key'`). */
export interface TreeComment {
  readonly path: DocPath;
  readonly target: Target;
  readonly text: string;
}

export interface YamlTree {
  /** The root node. For a file the fast parser read, it is parsed again on every call: call it once per batch. */
  root(): TreeNode | null;
  /**
   * The file's data holds exactly the tree's scalars, in its order (no aliases, no repeated keys): walking
   * the data is walking the tree. True for the fast parser's files.
   */
  readonly mirroredByData: boolean;
  /**
   * The text of every comment, enough to tell whether any of them matters. One entry per comment as
   * attached (full parse) or per comment line (fast parse): a `#` comment never spans lines, so whatever a
   * pattern finds in an attached comment, it finds in one of its lines.
   */
  readonly commentTexts: readonly string[];
  /** The comments where yaml attaches them; for a file that took the fast path, worked out on first call. */
  comments(): readonly TreeComment[];
}
