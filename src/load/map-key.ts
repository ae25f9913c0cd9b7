import { isScalar } from 'yaml';

/**
 * The property name a map key becomes in plain data, as yaml's `toJS` names it (`stringifyKey`: null is
 * the empty string, everything else `String(value)`). A missing key (`: value`) is null too. `undefined` for
 * keys that are not scalars (maps, lists, aliases).
 * Comparing keys this way finds the collisions `toJS` would silently merge (`1` and `"1"`, `~` and `""`).
 */
export function mapKeyText(key: unknown): string | undefined {
  if (key === null || key === undefined) return '';
  if (!isScalar(key)) return undefined;
  return key.value === null || key.value === undefined ? '' : String(key.value);
}
