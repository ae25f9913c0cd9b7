import fc from 'fast-check';
import { Document, isMap, isPair, isSeq, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { firstTooDeep } from '../../src/load/depth-prescan';
import { parseYaml } from '../../src/load/parse-yaml';
import { MAX_NESTING_DEPTH } from '../../src/load/yaml-structure';

/** The first collection (in text order) at depth `limit` or deeper in the parsed tree: what the scan must find. */
function firstInTree(text: string, limit: number): number | undefined {
  const doc = parseDocument(text, { uniqueKeys: false });
  expect(doc.errors, text).toEqual([]);
  let first: number | undefined;
  const pending: Array<{ node: unknown; depth: number }> = [{ node: doc.contents, depth: 0 }];
  while (pending.length > 0) {
    const { node, depth } = pending.pop()!;
    if (!isMap(node) && !isSeq(node)) continue;
    const start = node.range![0];
    if (depth >= limit && (first === undefined || start < first)) first = start;
    for (const item of node.items as unknown[]) pending.push({ node: isPair(item) ? item.value : item, depth: depth + 1 });
  }
  return first;
}

const at = (text: string, offset: number | undefined) => {
  if (offset === undefined) return undefined;
  const before = text.slice(0, offset);
  return `${before.split('\n').length}:${offset - before.lastIndexOf('\n')}`;
};

describe('firstTooDeep: depth before parsing', () => {
  it.each([
    ['block maps', 'a:\n  b:\n    c: 1\n'],
    ['a list at its key\'s column', 'a:\n- b:\n    - c\nd: 1\n'],
    ['compact lists', 'a:\n  - - - x\n    - y\n'],
    ['a map in a list item', '- a: 1\n  b:\n    - [x, {y: [z]}]\n'],
    ['flow spanning lines, with comments', 'a: [\n  [x, # [ [ [\n   {b: [c]}],\n]\n'],
    ['quotes holding openers and dashes', 'a: "[[[ - - - {"\nb: \'it\'\'s [ - \'\nc: [\'[\', "]"]\n'],
    ['block scalars holding openers and dashes', 'a: |\n  - - - [[[\n  {{{\nb:\n  - >-\n    - - [\n  - c\n'],
    ['anchors, tags and explicit keys', 'a: &x\n  b: !!map\n    c: 1\n? d\n: - e\n'],
    ['CRLF line breaks', 'a:\r\n  - b:\r\n      - c\r\n'],
    ['plain scalars with brackets and colons', 'url: http://x.example/[a]?b=c:d\nk: a [b] {c}\n'],
  ])('counts %s as the parsed tree does, at every limit', (_name, text) => {
    for (let limit = 0; limit <= 6; limit++) expect(at(text, firstTooDeep(text, limit)), `limit ${limit}`).toBe(at(text, firstInTree(text, limit)));
  });

  it("reads a plain scalar's continuation lines as nodes, so it can count a level more than the tree there", () => {
    // `- c` then `    - d` is the one plain scalar "c - d"; the parser does not always agree that such lines
    // continue a scalar (see depth-prescan.ts), so the scan counts them rather than skip them.
    const text = 'a: one\n  - two [\nb:\n  - c\n    - d\n';
    expect(firstInTree(text, 2)).toBeUndefined();
    expect(at(text, firstTooDeep(text, 2))).toBe('5:5');
    expect(firstTooDeep(text, 3)).toBeUndefined();
  });

  it('finds the level past the limit in 100,000 compact levels, at the dash that crosses it', () => {
    const text = `description:\n  ${'- '.repeat(100_000)}x\ntier: testing\n`;
    expect(at(text, firstTooDeep(text, MAX_NESTING_DEPTH))).toBe(`2:${3 + 2 * (MAX_NESTING_DEPTH - 1)}`);
  });

  it('finds it in flow and block nesting too', () => {
    const flow = `a: ${'['.repeat(100_000)}`;
    expect(firstTooDeep(flow, MAX_NESTING_DEPTH)).toBe(3 + MAX_NESTING_DEPTH - 1);
    let block = '';
    for (let i = 0; i < 100; i++) block += `${'  '.repeat(i)}k${i}:\n`;
    expect(at(block, firstTooDeep(block, MAX_NESTING_DEPTH))).toBe(`${MAX_NESTING_DEPTH + 1}:${2 * MAX_NESTING_DEPTH + 1}`);
  });

  it('agrees with the parsed tree on generated documents of every style, 60 to 70 levels deep', () => {
    fc.assert(
      fc.property(deepDocument(), fc.integer({ min: 0, max: 72 }), (text, limit) => {
        expect(at(text, firstTooDeep(text, limit))).toBe(at(text, firstInTree(text, limit)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseYaml refuses depth before the parser recurses', () => {
  // The shape that threw RangeError out of eemeli/yaml's CST parser: deep compact lists, then a dedented key.
  it.each([3_000, 100_000])('%i compact levels followed by a key: one located yaml-depth-limit, no throw', (levels) => {
    const text = `description:\n  ${'- '.repeat(levels)}x\ntier: testing\n`;
    const parsed = parseYaml(text);
    expect(parsed.problems.map((p) => [p.ruleId, at(text, p.start)])).toEqual([['yaml-depth-limit', `2:${3 + 2 * (MAX_NESTING_DEPTH - 1)}`]]);
    expect(parsed.data).toBeUndefined();
  });
});

describe('parseYaml never throws on deep text, whatever surrounds it', () => {
  const N = 20_000;
  const bodies: Record<string, string> = {
    'compact lists': `${'- '.repeat(N)}x`,
    'explicit keys': `${'? '.repeat(N)}x`,
    'explicit values': `${': '.repeat(N)}x`,
    'keys after dashes': `${'- a: '.repeat(N)}x`,
    'keys after keys': `${'a: '.repeat(N)}x`,
    'quoted keys after keys': `${'"a": '.repeat(N)}x`,
    'flow lists': '['.repeat(N),
    'flow maps': '{a: '.repeat(N),
    'dashes and brackets': '- [ '.repeat(N),
    'explicit keys and dashes': '? - '.repeat(N),
    'anchored dashes': `${'- &a '.repeat(N)}x`,
    'tagged dashes': `${'- !t '.repeat(N)}x`,
    'one opener a line': '[\n'.repeat(N),
  };
  const before = ['', 'key: value\n  ', 'key: a # c\n  ', 'key: "open\n  ', "key: 'it''s'\n  ", 'key: |\n  ', 'key: [\n  ', 'key: {"a":\n  ', "k: [it's\n  ", '- a\n  ', '? \n  ', 'key: &a\n  ', '%YAML 1.2\n--- ', 'k:\r  '];
  const after = ['\nnext: 1\n', '\n"\n]\nz: 1\n'];
  it.each(Object.entries(bodies))('%s, 20,000 levels', (_name, body) => {
    for (const b of before) {
      for (const a of after) {
        const text = b + body + a;
        expect(() => parseYaml(text), JSON.stringify(b + body.slice(0, 12) + a)).not.toThrow();
      }
    }
  });
});

/** A random value nested `depth` levels along one spine, with siblings, scalars of every awkward kind, and flow below some level. */
export function deepDocument(): fc.Arbitrary<string> {
  const scalar = fc.oneof(
    fc.constantFrom('plain', 'a [b] {c}', '- - -', '[[[', '{', 'x: y', 'it\'s', '"q"', '#not', 'multi\nline\n- - [[\n', '', '123', 'a # b'),
    fc.string({ maxLength: 8 }),
  );
  const level = fc.record({ kind: fc.constantFrom('map', 'seq'), siblings: fc.array(scalar, { maxLength: 2 }), before: fc.boolean() });
  return fc
    .record({
      levels: fc.array(level, { minLength: 60, maxLength: 70 }),
      flowFrom: fc.option(fc.integer({ min: 0, max: 70 }), { nil: undefined }),
      indent: fc.integer({ min: 2, max: 4 }),
      indentSeq: fc.boolean(),
      leaf: scalar,
    })
    .map(({ levels, flowFrom, indent, indentSeq, leaf }) => {
      let value: unknown = leaf;
      for (let i = levels.length - 1; i >= 0; i--) {
        const { kind, siblings, before } = levels[i]!;
        if (kind === 'seq') value = before ? [...siblings, value] : [value, ...siblings];
        else {
          const entries: Array<[string, unknown]> = siblings.map((s, j) => [`s${j}`, s]);
          value = Object.fromEntries(before ? [...entries, ['next', value]] : [['next', value], ...entries]);
        }
      }
      const doc = new Document(value);
      if (flowFrom !== undefined) {
        const pending: Array<{ node: unknown; depth: number }> = [{ node: doc.contents, depth: 0 }];
        while (pending.length > 0) {
          const { node, depth } = pending.pop()!;
          if (!isMap(node) && !isSeq(node)) continue;
          if (depth >= flowFrom) node.flow = true;
          for (const item of node.items as unknown[]) pending.push({ node: isPair(item) ? item.value : item, depth: depth + 1 });
        }
      }
      return doc.toString({ indent, indentSeq, lineWidth: 0 });
    });
}
