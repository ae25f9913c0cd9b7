import type { Document } from 'yaml';
import { yamlLib } from './yaml-lib';

/**
 * Where the quote, bracket or brace opens that yaml found unclosed at an offset. yaml reports a missing
 * closing quote or bracket where the file (or the block) ends, often many lines later; the opener is what
 * the author has to fix. It is the innermost quoted scalar or flow collection whose source ends at that offset.
 * One walk of the document answers every offset: a broken file can carry thousands of such errors.
 */
export function unclosedOpeners(doc: Document.Parsed): (offset: number) => number | undefined {
  let byEnd: Map<number, number> | undefined;
  return (offset) => {
    byEnd ??= openersByEnd(doc);
    return byEnd.get(offset);
  };
}

/** End offset -> the latest start of a quoted scalar or flow collection ending there. */
function openersByEnd(doc: Document.Parsed): Map<number, number> {
  const { isMap, isPair, isScalar, isSeq, Scalar } = yamlLib();
  const byEnd = new Map<number, number>();
  const pending: unknown[] = [doc.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isPair(node)) {
      pending.push(node.key, node.value);
      continue;
    }
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (!range) continue;
    const opens =
      (isScalar(node) && (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE)) ||
      ((isMap(node) || isSeq(node)) && node.flow === true);
    if (opens && range[0] <= range[1] && range[0] > (byEnd.get(range[1]) ?? -1)) byEnd.set(range[1], range[0]);
    if (isMap(node) || isSeq(node)) pending.push(...(node.items as unknown[]));
  }
  return byEnd;
}
