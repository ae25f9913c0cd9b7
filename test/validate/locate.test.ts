import { describe, expect, it } from 'vitest';
import { locate, spanOfRange } from '../../src/validate/locate';
import { sourceOf } from './source-of';

const ENV = [
  'terra:', //                                  1
  '  devId: acme-01', //                        2
  '  apiKey: { fromEnv: TERRA_KEY }', //        3
  'owners:', //                                 4
  '  - team: platform', //                      5
  '  - team: data', //                          6
  '    email: data@acme.example', //            7
  'webhook:', //                                8
  'links: [https://a.example, https://b.example]', // 9
  '1: numeric', //                              10
  '~: null key', //                             11
  '',
].join('\n');

const file = sourceOf(ENV);
const at = (path: (string | number)[], target?: 'key' | 'value') => {
  const { line, column } = locate(file, path, target);
  return `${line}:${column}`;
};

describe('locate', () => {
  it('points at the value by default and at the key for target "key"', () => {
    expect(at(['terra', 'devId'])).toBe('2:10');
    expect(at(['terra', 'devId'], 'key')).toBe('2:3');
    expect(at(['terra'], 'key')).toBe('1:1');
  });

  it('gives the end of the span too', () => {
    expect(locate(file, ['terra', 'devId'])).toEqual({ line: 2, column: 10, endLine: 2, endColumn: 17 });
  });

  it('walks into flow maps', () => {
    expect(at(['terra', 'apiKey'])).toBe('3:11');
    expect(at(['terra', 'apiKey', 'fromEnv'])).toBe('3:22');
    expect(at(['terra', 'apiKey', 'fromEnv'], 'key')).toBe('3:13');
  });

  it('walks into sequences, block and flow', () => {
    expect(at(['owners', 0])).toBe('5:5');
    expect(at(['owners', 1, 'email'])).toBe('7:12');
    expect(at(['owners', 1, 'email'], 'key')).toBe('7:5');
    expect(at(['links', 1])).toBe('9:28');
  });

  it('falls back to the nearest existing parent when the path leaves the document', () => {
    expect(at(['terra', 'apiBaseUrl'])).toBe('1:1');
    expect(at(['owners', 5, 'team'])).toBe('4:1');
    expect(at(['terra', 'devId', 'deeper'])).toBe('2:3');
    expect(at(['webhook', 'url'])).toBe('8:1');
    expect(at(['nothing', 'here'])).toBe('1:1');
  });

  it('finds keys that are numbers or null by the name they have in the data', () => {
    expect(at(['1'], 'key')).toBe('10:1');
    expect(at([''], 'key')).toBe('11:1');
  });

  it('is 1:1 for a file without a document', () => {
    expect(locate(sourceOf(''), ['terra'])).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 1 });
    expect(locate({ ...file, tree: undefined, lineCounter: undefined }, ['terra'])).toMatchObject({ line: 1, column: 1 });
  });

  it('counts CRLF line endings as one line break', () => {
    const crlf = sourceOf(ENV.replace(/\n/g, '\r\n'));
    expect(locate(crlf, ['owners', 1, 'email'])).toMatchObject({ line: 7, column: 12 });
  });

  it('keeps ranges past the end of the text inside the file', () => {
    const short = sourceOf('a: 1');
    expect(spanOfRange(short, 4, 9)).toEqual({ line: 1, column: 5, endLine: 1, endColumn: 5 });
    expect(spanOfRange(short, 2, 1)).toEqual({ line: 1, column: 3, endLine: 1, endColumn: 3 });
  });

  it('keeps later lines right after an unclosed quote', () => {
    const broken = sourceOf('a: "open\nb: 1\nc: 2\n');
    expect(spanOfRange(broken, broken.text!.indexOf('c:'), broken.text!.indexOf('c:') + 1)).toMatchObject({ line: 3, column: 1 });
  });
});

describe('locate over many findings in one map', () => {
  /** A file of `n` keys whose top-level map counts every read of its items. */
  function counted(n: number) {
    const text = Array.from({ length: n }, (_, i) => `key${i}: ${i}`).join('\n');
    const parsed = sourceOf(`${text}\n`);
    const root = parsed.tree!.root();
    // One tree for every lookup, as a batch of findings sees it (a fast-parsed file's root() parses again).
    const file = { ...parsed, tree: { ...parsed.tree!, root: () => root, comments: () => [] } };
    const map = root as unknown as { pairs: unknown[] };
    let reads = 0;
    map.pairs = new Proxy(map.pairs, {
      get(target, property, receiver) {
        if (typeof property === 'string' && /^\d+$/.test(property)) reads++;
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
    return { file, reads: () => reads };
  }

  it('reads the map once, however many of its keys are located (no search per finding)', () => {
    for (const n of [1_000, 2_000]) {
      const { file, reads } = counted(n);
      for (let i = n - 1; i >= 0; i--) expect(locate(file, [`key${i}`], 'key').line).toBe(i + 1);
      expect(reads(), `${n} keys`).toBeLessThanOrEqual(n);
    }
  });

  it('still finds the first of two duplicate keys, as the data keeps it', () => {
    const file = sourceOf('a: 1\nb: 2\na: 3\n');
    expect(locate(file, ['a'], 'key').line).toBe(1);
    expect(locate(file, ['b'])).toMatchObject({ line: 2, column: 4 });
  });
});
