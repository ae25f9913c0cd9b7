import { isMap, isPair, isScalar, type Document, type Pair, type YAMLMap } from 'yaml';

/** What a comment in a written file says where a value needs a human: one greppable prefix. */
export const NEEDS_A_HUMAN = 'needs a human:';

/** The options every imported file is written with: no folding, `[a, b]` like the shipped files. */
export const WRITE_OPTIONS = { lineWidth: 0, flowCollectionPadding: false } as const;

/** A `key: value` pair for the document, with optional comment lines above the key. */
export function pairOf(doc: Document, key: string, value: unknown, before?: string): Pair {
  const pair = doc.createPair(key, value);
  if (before) commentAbove(pair, before);
  return pair;
}

/** Adds comment lines above a pair's key (each line of `text` becomes one `# ` line). */
export function commentAbove(pair: Pair, text: string): void {
  const key = pair.key;
  if (!isScalar(key)) return;
  const lines = text.split('\n').map((line) => ` ${line}`).join('\n');
  key.commentBefore = key.commentBefore ? `${key.commentBefore}\n${lines}` : lines;
}

/** The pair at `path` below `map`, or undefined. */
export function pairAt(map: YAMLMap, path: readonly string[]): Pair | undefined {
  let current: YAMLMap = map;
  let found: Pair | undefined;
  for (const [i, key] of path.entries()) {
    found = current.items.find((item): item is Pair => isPair(item) && isScalar(item.key) && item.key.value === key);
    if (!found) return undefined;
    if (i < path.length - 1) {
      if (!isMap(found.value)) return undefined;
      current = found.value;
    }
  }
  return found;
}

/** Writes `{ fromStackConfig: key }` style references and `{}` on one line, as the shipped files do. */
export function flowSmallMaps(node: unknown): void {
  if (!isMap(node)) return;
  for (const item of node.items) {
    const value = item.value;
    if (isMap(value)) {
      const keys = value.items.map((i) => (isScalar(i.key) ? i.key.value : undefined));
      if (keys.length === 0 || (keys.length === 1 && (keys[0] === 'fromStackConfig' || keys[0] === 'fromEnv'))) value.flow = true;
      else flowSmallMaps(value);
    }
  }
}
