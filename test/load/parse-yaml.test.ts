import { describe, expect, it } from 'vitest';
import { MAX_ALIAS_COUNT, MAX_PROBLEMS_PER_FILE } from '../../src/load/parse-fully';
import { parseYaml } from '../../src/load/parse-yaml';
import { MAX_NESTING_DEPTH } from '../../src/load/yaml-structure';

/** Problems as `line:column ruleId`, positions from the parser's own line counter. */
function problems(text: string): string[] {
  const parsed = parseYaml(text);
  return parsed.problems.map((p) => {
    const { line, col } = parsed.lineCounter.linePos(p.start);
    return `${line}:${col} ${p.ruleId}`;
  });
}

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}\n`;

describe('parseYaml', () => {
  it('returns plain data and no problems for a clean document', () => {
    const parsed = parseYaml('a: 1\nb: [x, "y"]\nc: { d: true, e: ~ }\n');
    expect(parsed.problems).toEqual([]);
    expect(parsed.data).toEqual({ a: 1, b: ['x', 'y'], c: { d: true, e: null } });
  });

  it('reads YAML 1.2 core scalars: yes/no, dates and 0o17 as 1.2 does', () => {
    expect(parseYaml('a: yes\nb: 2001-12-14\nc: 0o17\nd: 017\ne: .inf\n').data).toEqual({ a: 'yes', b: '2001-12-14', c: 15, d: 17, e: Infinity });
  });

  it('keeps the 1.2 core schema under a %YAML 1.1 directive', () => {
    expect(parseYaml('%YAML 1.1\n---\na: yes\nb: 2001-12-14\n').data).toEqual({ a: 'yes', b: '2001-12-14' });
  });

  it('does not merge `<<` keys', () => {
    expect(parseYaml('base: &b { x: 1 }\nc:\n  <<: *b\n').data).toEqual({ base: { x: 1 }, c: { '<<': { x: 1 } } });
  });

  it('allows a few aliases and refuses an expansion bomb', () => {
    expect(parseYaml('a: &x [1, 2]\nb: *x\n').data).toEqual({ a: [1, 2], b: [1, 2] });
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 5; i++) levels.push(`l${i}: &${'a'.repeat(i + 1)} [${Array(10).fill(`*${'a'.repeat(i)}`).join(', ')}]`);
    const bomb = parseYaml(`${levels.join('\n')}\n`);
    expect(bomb.data).toBeUndefined();
    expect(bomb.problems).toMatchObject([{ ruleId: 'yaml-alias-limit', message: expect.stringContaining(String(MAX_ALIAS_COUNT)) }]);
  });

  it('reports syntax errors with a hint, at the opening of an unclosed quote or bracket', () => {
    expect(problems('a: 1\nb: "open\nc: 2\n')).toEqual(['2:4 yaml-syntax']);
    expect(problems('a: [1, 2\nb: 3\n')).toEqual(['1:4 yaml-syntax']);
    expect(problems('a:\n\t- x\n')).toEqual(['2:1 yaml-syntax']);
    const parsed = parseYaml('a: 1\n---\nb: 2\n');
    expect(parsed.problems).toMatchObject([{ ruleId: 'yaml-syntax', message: 'the file holds more than one YAML document', hint: expect.stringMatching(/---/) }]);
  });

  it('finds duplicate keys as the data would name them, at the second one', () => {
    expect(problems('a: 1\nb: 2\na: 3\n')).toEqual(['3:1 yaml-duplicate-key']);
    expect(problems('1: a\n"1": b\n')).toEqual(['2:1 yaml-duplicate-key']);
    expect(problems('~: a\n"": b\n')).toEqual(['2:1 yaml-duplicate-key']);
    expect(problems('x:\n  - { k: 1, k: 2 }\n')).toEqual(['2:13 yaml-duplicate-key']);
    expect(parseYaml('a: 1\na: 2\n').data).toBeUndefined();
  });

  it('finds the one duplicate in a large map', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `k${i}: ${i}`);
    const parsed = parseYaml(`${keys.join('\n')}\nk7: again\n`);
    expect(parsed.problems.map((p) => `${parsed.lineCounter.linePos(p.start).line} ${p.ruleId} ${p.message}`)).toEqual([
      '20001 yaml-duplicate-key duplicate key `k7` in this map',
    ]);
  });

  it('refuses prototype keys anywhere', () => {
    expect(problems('__proto__: 1\nx:\n  constructor: 2\ny: [{ prototype: 3 }]\n')).toEqual([
      '1:1 yaml-unsafe-key',
      '3:3 yaml-unsafe-key',
      '4:7 yaml-unsafe-key',
    ]);
  });

  it('refuses non-scalar keys', () => {
    expect(problems('? [a, b]\n: 1\n')).toEqual(['1:3 yaml-syntax']);
  });

  it('refuses custom tags and the standard tags that are not plain data, and keeps the core ones', () => {
    expect(problems('a: !Ref x\nb: !!js/function f\nc: !!binary aGk=\nd: !!set { x }\ne: !!timestamp 2001-01-01\nf: !!omap [x: 1]\n')).toEqual([
      '1:4 yaml-custom-tag',
      '2:4 yaml-custom-tag',
      '3:4 yaml-custom-tag',
      '4:4 yaml-custom-tag',
      '5:4 yaml-custom-tag',
      '6:4 yaml-custom-tag',
    ]);
    expect(parseYaml('a: !Ref x\n').problems[0]!.message).toBe('custom tag `!Ref` is not allowed');
    expect(parseYaml('a: !!str 1\nb: !!int "2"\nc: !!map {}\nd: !!seq []\n').data).toEqual({ a: '1', b: 2, c: {}, d: [] });
  });

  it(`allows ${MAX_NESTING_DEPTH} levels of nesting and refuses one more`, () => {
    expect(parseYaml(`a: ${nested(MAX_NESTING_DEPTH - 1)}`).problems).toEqual([]);
    const deep = parseYaml(`a: ${nested(MAX_NESTING_DEPTH)}`);
    expect(deep.problems).toMatchObject([{ ruleId: 'yaml-depth-limit', start: 3 + MAX_NESTING_DEPTH - 1 }]);
    expect(deep.data).toBeUndefined();
  });

  it('reports nesting too deep for the parser once, not once per level', () => {
    const parsed = parseYaml(`a: ${nested(20_000)}`);
    expect(parsed.problems.filter((p) => p.message.includes('too deeply')).length).toBeLessThanOrEqual(1);
    expect(parsed.problems.some((p) => p.ruleId === 'yaml-depth-limit')).toBe(true);
  });

  it(`shows at most ${MAX_PROBLEMS_PER_FILE} problems in a file and says how many more there are`, () => {
    const parsed = parseYaml('\tx: 1\n'.repeat(500));
    expect(parsed.problems.length).toBe(MAX_PROBLEMS_PER_FILE + 1);
    expect(parsed.problems.at(-1)!.message).toMatch(/^\d+ more YAML problems in this file are not shown$/);
  });

  it('tells an empty file from a comment-only one', () => {
    expect(parseYaml('').problems).toMatchObject([{ ruleId: 'file-empty', message: 'file is empty' }]);
    expect(parseYaml('# just a note\n').problems).toMatchObject([{ ruleId: 'file-empty', message: 'file holds no settings, only comments' }]);
    expect(parseYaml('~\n').problems).toEqual([]);
  });

  it('reads lone CR line breaks as YAML 1.2 does, keeping every offset, and leaves CRLF alone', () => {
    const parsed = parseYaml('# header\ra: 1\rb: [x,\r  y]\r');
    expect(parsed.problems).toEqual([]);
    expect(parsed.data).toEqual({ a: 1, b: ['x', 'y'] });
    expect(parsed.text).toBe('# header\na: 1\nb: [x,\n  y]\n');
    expect(parsed.lineCounter.linePos(parsed.text.indexOf('y'))).toEqual({ line: 4, col: 3 });
    expect(parseYaml('a: 1\r\nb: 2\r\n').text).toBe('a: 1\r\nb: 2\r\n');
  });

  it('counts lines from the text, even after a token the parser gave up on', () => {
    const text = "{}'\nb: 1\nc: 2\n";
    expect(parseYaml(text).lineCounter.linePos(text.indexOf('c:'))).toEqual({ line: 3, col: 1 });
  });
});
