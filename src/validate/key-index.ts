import { treeKeyText } from '../load/map-key';
import type { TreeMap, TreePair } from '../load/yaml-tree';

/**
 * Maps this small are searched: a file's findings usually touch a map once or twice, and building an index
 * costs a key text and a Map entry for every pair, more than a few comparisons.
 */
const SEARCHED_MAP_SIZE = 16;

/**
 * Key name -> pair, per larger map, built the first time a path goes through the map and kept while the
 * tree lives. n findings in one map (20,000 unknown keys) then cost n lookups, not n searches of n items.
 * Parsed trees are never changed after loading, so an index never goes stale.
 */
const indexes = new WeakMap<TreeMap, Map<string, TreePair>>();

/** The pair whose key the data names `key` (the first one, as the data keeps it when keys repeat). */
export function pairOf(map: TreeMap, key: string): TreePair | undefined {
  if (map.pairs.length <= SEARCHED_MAP_SIZE) return map.pairs.find((pair) => treeKeyText(pair.key) === key);
  let index = indexes.get(map);
  if (index === undefined) {
    index = new Map();
    for (const pair of map.pairs) {
      const text = treeKeyText(pair.key);
      if (text !== undefined && !index.has(text)) index.set(text, pair);
    }
    indexes.set(map, index);
  }
  return index.get(key);
}
