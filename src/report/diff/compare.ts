import type { Fact, FactValue } from './facts';

/** One setting that differs. Lists compare as sets; `added`/`removed` say how. */
export interface Difference {
  key: string;
  label: string;
  /** null when the setting is absent on that side. */
  from: FactValue;
  to: FactValue;
  /** The two values as people read them (`not declared`, `(none)`, lists joined). */
  fromText: string;
  toText: string;
  added?: string[];
  removed?: string[];
}

/**
 * The settings that differ between two fact lists, in a stable order (environment settings first, then
 * providers by code). `includeIdentity` false skips values that name each environment's own things.
 */
export function compareFacts(from: readonly Fact[], to: readonly Fact[], includeIdentity: boolean): Difference[] {
  const left = new Map(from.map((f) => [f.key, f]));
  const right = new Map(to.map((f) => [f.key, f]));
  const keys = [...new Set([...left.keys(), ...right.keys()])];
  const facts = keys.map((key) => ({ key, a: left.get(key), b: right.get(key) }));
  facts.sort((x, y) => rank(x).localeCompare(rank(y)));
  const differences: Difference[] = [];
  for (const { key, a, b } of facts) {
    const fact = (a ?? b)!;
    if (fact.identity && !includeIdentity) continue;
    const va = a?.value ?? null;
    const vb = b?.value ?? null;
    if (sameValue(va, vb)) continue;
    const difference: Difference = { key, label: fact.label, from: va, to: vb, fromText: valueText(va, fact.absent), toText: valueText(vb, fact.absent) };
    if (Array.isArray(va) || Array.isArray(vb)) {
      const before = new Set(Array.isArray(va) ? va : []);
      const after = new Set(Array.isArray(vb) ? vb : []);
      difference.added = [...after].filter((v) => !before.has(v));
      difference.removed = [...before].filter((v) => !after.has(v));
    }
    differences.push(difference);
  }
  return differences;
}

function rank(entry: { a?: Fact; b?: Fact }): string {
  return (entry.a ?? entry.b)!.rank;
}

function sameValue(a: FactValue, b: FactValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    const sa = [...new Set(a)].sort();
    const sb = [...new Set(b)].sort();
    return sa.length === sb.length && sa.every((v, i) => v === sb[i]);
  }
  return a === b;
}

/** A value as the text report prints it. */
export function valueText(value: FactValue, absent = '(none)'): string {
  if (value === null) return absent;
  if (Array.isArray(value)) return value.length ? value.join(', ') : '(empty)';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}
