import { isMap, isPair, isScalar, isSeq, Scalar, type Document } from 'yaml';

/**
 * Where the quote, bracket or brace opens that yaml found unclosed at `offset`. yaml reports a missing
 * closing quote or bracket where the file (or the block) ends, often many lines later; the opener is what
 * the author has to fix. It is the innermost quoted scalar or flow collection whose source ends at `offset`.
 */
export function unclosedOpener(doc: Document.Parsed, offset: number): number | undefined {
  let found: number | undefined;
  const pending: unknown[] = [doc.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isPair(node)) {
      pending.push(node.key, node.value);
      continue;
    }
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (!range || range[0] > offset) continue;
    const opens =
      (isScalar(node) && (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE)) ||
      ((isMap(node) || isSeq(node)) && node.flow === true);
    if (opens && range[1] === offset && (found === undefined || range[0] > found)) found = range[0];
    if (isMap(node) || isSeq(node)) pending.push(...(node.items as unknown[]));
  }
  return found;
}
