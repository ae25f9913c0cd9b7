import type { Document, Pair } from 'yaml';
import { mapKeyText } from './map-key';
import { yamlLib } from './yaml-lib';
import { quoteKey, type YamlProblem } from './yaml-problem';

/** Collections nested deeper than this are refused; a terra-iac file needs fewer than ten levels. */
export const MAX_NESTING_DEPTH = 64;

/** Keys that would reach an object's prototype if any consumer copied the data naively. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

type Range = readonly [number, number, ...number[]];

/**
 * Checks what YAML allows but terra-iac refuses: nesting past MAX_NESTING_DEPTH, duplicate keys (compared
 * as `toJS` names them, so `1` and `"1"` collide), prototype keys and non-scalar keys. Iterative and linear:
 * yaml's own `uniqueKeys` check is quadratic in the size of a map and `visit` recurses.
 */
export function checkStructure(doc: Document.Parsed, problems: YamlProblem[]): void {
  const { isMap, isPair, isSeq } = yamlLib();
  const pending: Array<{ node: unknown; depth: number }> = [{ node: doc.contents, depth: 0 }];
  let reportedDepth = false;
  while (pending.length > 0) {
    const { node, depth } = pending.pop()!;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth >= MAX_NESTING_DEPTH) {
      if (!reportedDepth) problems.push(tooDeep(node.range));
      reportedDepth = true;
      continue;
    }
    const pairs = isMap(node) ? (node.items as Pair[]) : (node.items.filter((item) => isPair(item)) as Pair[]);
    checkKeys(pairs, problems);
    for (const item of node.items as unknown[]) pending.push({ node: isPair(item) ? item.value : item, depth: depth + 1 });
  }
}

function checkKeys(pairs: readonly Pair[], problems: YamlProblem[]): void {
  const seen = new Set<string>();
  for (const pair of pairs) {
    const keyRange = rangeOf(pair.key) ?? rangeOf(pair.value) ?? [0, 0];
    const text = mapKeyText(pair.key);
    if (text === undefined) {
      problems.push({ ruleId: 'yaml-syntax', message: 'complex (non-scalar) map key', hint: 'use a plain string as the key', start: keyRange[0], end: keyRange[1] });
      continue;
    }
    if (UNSAFE_KEYS.has(text)) {
      problems.push({
        ruleId: 'yaml-unsafe-key',
        message: `key ${quoteKey(text)} is not allowed`,
        hint: 'rename the key; prototype keys are refused so no consumer can be tricked by them',
        start: keyRange[0],
        end: keyRange[1],
      });
    }
    if (seen.has(text)) {
      problems.push({
        ruleId: 'yaml-duplicate-key',
        message: text === '' ? 'duplicate empty key in this map' : `duplicate key ${quoteKey(text)} in this map`,
        hint: 'remove one of the two entries; YAML keeps only one and which one is not what you meant',
        start: keyRange[0],
        end: keyRange[1],
      });
    }
    seen.add(text);
  }
}

function tooDeep(range: Range | null | undefined): YamlProblem {
  const [start, end] = range ?? [0, 0];
  return depthProblem(start, end);
}

/** The one yaml-depth-limit problem, whether the pre-scan or the tree walk found the level past the limit. */
export function depthProblem(start: number, end: number): YamlProblem {
  return {
    ruleId: 'yaml-depth-limit',
    message: `maps and lists are nested more than ${MAX_NESTING_DEPTH} levels deep`,
    hint: 'flatten the structure; terra-iac files need only a few levels',
    start,
    end: Math.min(end, start + 1),
  };
}

function rangeOf(node: unknown): Range | undefined {
  return (node as { range?: Range } | null | undefined)?.range ?? undefined;
}
