import fc from 'fast-check';

/** Tokens that mean something to YAML or to the loader: the likeliest to find a crack. */
export const YAML_TOKENS = [
  ':', ': ', '- ', '-', '[', ']', '{', '}', '"', "'", ',', '#', '|', '>', '? ', '&a ', '*a', '&a [x, *a]', '!Ref ', '!!js/function ',
  '!!binary ', '!!set ', '!!timestamp ', '!<tag:x> ', '---', '...', '%YAML 1.1', '%TAG ! tag:x:', '<<: *a', '__proto__: 1',
  'constructor:', '\t', '\r', '\r\n', '\n', '\u0000', '\ufeff', '\u2028', '😀', '~', 'null', '.inf', '.nan', '-.inf', '1e400',
  '0x1F', '0o17', '123456789012345678901234567890', 'true', 'yes', '""', "''", '{}', '[]', '{ fromEnv: X }',
  '{ fromStackConfig: terraApiKey }', '{ secure: v1:AAAA:BBBB }', 'secure:', 'https://localhost/hook', 'GARMIN: {}',
  'providers:', 'tier: staging', 'config:', 'terra-iac:terraApiKey:', '\\', '%', '@', '`',
];

/** Values of every kind, to replace a scalar with something of another type. */
export const REPLACEMENT_VALUES = [
  '[]', '{}', '[a, b]', '{ a: 1 }', '123', '-1', '0', '1.5', 'true', 'false', 'null', '~', '""', '"text"', "'x'", '|\n  block',
  '{ fromEnv: TERRA_X }', '{ fromStackConfig: someKey }', '{ fromEnv: lower-case }', '{ secure: v1:AAAA:BBBB }', 'v1:AAAA:BBBB',
  'sk_live_0123456789abcdefghijABCDEFGHIJ', '.inf', 'x'.repeat(300), '- a\n- b',
];

type Mutation = (lines: string[]) => string[];

const index = fc.nat();
const token = fc.oneof(fc.constantFrom(...YAML_TOKENS), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 4 }));

const at = (lines: string[], i: number) => i % Math.max(lines.length, 1);

/** Line-level edits: delete, duplicate, swap, insert tokens, re-indent, change a value's type, truncate, tabs. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  index.map((i): Mutation => (ls) => ls.filter((_, j) => j !== at(ls, i))),
  index.map((i): Mutation => (ls) => ls.flatMap((l, j) => (j === at(ls, i) ? [l, l] : [l]))),
  fc.tuple(index, index).map(([i, k]): Mutation => (ls) => {
    const out = [...ls];
    const a = at(ls, i);
    const b = at(ls, k);
    [out[a], out[b]] = [out[b]!, out[a]!];
    return out;
  }),
  fc.tuple(index, index, token).map(([i, c, t]): Mutation => (ls) => {
    const out = [...ls];
    const line = out[at(ls, i)] ?? '';
    const col = c % (line.length + 1);
    out[at(ls, i)] = line.slice(0, col) + t + line.slice(col);
    return out;
  }),
  fc.tuple(index, fc.integer({ min: -4, max: 4 })).map(([i, delta]): Mutation => (ls) => {
    const out = [...ls];
    const line = out[at(ls, i)] ?? '';
    out[at(ls, i)] = delta >= 0 ? ' '.repeat(delta) + line : line.replace(new RegExp(`^ {0,${-delta}}`), '');
    return out;
  }),
  fc.tuple(index, fc.constantFrom(...REPLACEMENT_VALUES)).map(([i, v]): Mutation => (ls) => {
    const out = [...ls];
    const line = out[at(ls, i)] ?? '';
    out[at(ls, i)] = /:\s/.test(line) ? line.replace(/:\s.*$/, `: ${v}`) : line.replace(/^(\s*-\s).*$/, `$1${v}`);
    return out;
  }),
  fc.tuple(index, index).map(([i, c]): Mutation => (ls) => {
    const keep = ls.slice(0, at(ls, i) + 1);
    const last = keep[keep.length - 1] ?? '';
    keep[keep.length - 1] = last.slice(0, c % (last.length + 1));
    return keep;
  }),
  fc.tuple(index, index).map(([i, c]): Mutation => (ls) => {
    const out = [...ls];
    const line = out[at(ls, i)] ?? '';
    const col = c % (line.length + 1);
    out[at(ls, i)] = `${line.slice(0, col)}\t${line.slice(col)}`;
    return out;
  }),
);

/** One shipped file's text after one to four mutations. */
export function mutatedText(text: string): fc.Arbitrary<string> {
  return fc.array(mutation, { minLength: 1, maxLength: 4 }).map((ms) => ms.reduce((ls, m) => m(ls), text.split('\n')).join('\n'));
}
