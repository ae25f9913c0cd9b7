import type { Pair, YAMLMap } from 'yaml';
import { mapKeyText } from '../load/map-key';

/**
 * Key name -> pair, per map, built the first time a path goes through the map and kept while the document
 * lives. n findings in one map (20,000 unknown keys) then cost n lookups, not n searches of n items.
 * Parsed documents are never changed after loading, so an index never goes stale.
 */
const indexes = new WeakMap<YAMLMap, Map<string, Pair>>();

/** The pair whose key the data names `key` (the first one, as the data keeps it when keys repeat). */
export function pairOf(map: YAMLMap, key: string): Pair | undefined {
  let index = indexes.get(map);
  if (index === undefined) {
    index = new Map();
    for (const pair of map.items as Pair[]) {
      const text = mapKeyText(pair.key);
      if (text !== undefined && !index.has(text)) index.set(text, pair);
    }
    indexes.set(map, index);
  }
  return index.get(key);
}
