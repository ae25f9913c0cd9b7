import { yamlLib } from './yaml-lib';
import type { TreeNode } from './yaml-tree';

/**
 * The property name a map key becomes in plain data, as yaml's `toJS` names it (`stringifyKey`: null is
 * the empty string, everything else `String(value)`). A missing key (`: value`) is null too. `undefined` for
 * keys that are not scalars (maps, lists, aliases).
 * Comparing keys this way finds the collisions `toJS` would silently merge (`1` and `"1"`, `~` and `""`).
 */
export function mapKeyText(key: unknown): string | undefined {
  if (key === null || key === undefined) return '';
  if (!yamlLib().isScalar(key)) return undefined;
  return nameOf(key.value);
}

/** The same for a key of the pipeline's tree (yaml-tree.ts). */
export function treeKeyText(key: TreeNode | null): string | undefined {
  if (key === null) return '';
  if (key.kind !== 'scalar') return undefined;
  return nameOf(key.value);
}

function nameOf(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}
