import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fastData, fastParse } from '../../src/load/fast-yaml';
import { parseFully } from '../../src/load/parse-fully';
import { parseYaml } from '../../src/load/parse-yaml';
import { REPO, shippedFiles } from './shipped-files';
import { mutatedText } from './text-mutations';

/**
 * Property: the fast parser (src/load/fast-yaml.ts) and yaml's full path agree. Whenever the fast parser
 * accepts a text, yaml finds no problem in it, the plain data is the same, the tree is the same (every
 * node, every offset), and every line of every comment yaml attaches is among the fast parser's comment
 * texts (what lets a rule skip attaching comments); fastData gives up on the same texts and gives the same
 * data and comment texts. Generated block-style documents exercise the subset; mutated shipped files
 * exercise the edge of it, where the fast parser must give up rather than differ.
 */
const GENERATED_RUNS = 3_000;
const MUTATED_RUNS = 3_000;

function agree(text: string): boolean {
  const fast = fastParse(text);
  const dataOnly = fastData(text);
  if (fast === undefined) {
    expect(dataOnly, text).toBeUndefined();
    return false;
  }
  expect(dataOnly, text).toStrictEqual({ data: fast.data, commentTexts: fast.commentTexts });
  const full = parseFully(text);
  expect(full.problems, text).toEqual([]);
  expect(fast.data, text).toStrictEqual(full.data);
  expect(fast.root, text).toStrictEqual(full.tree.root());
  const lines = new Set(fast.commentTexts.map((t) => t.trimEnd()));
  for (const comment of full.tree.comments()) {
    for (const line of comment.text.split('\n')) {
      if (line.trim() !== '') expect(lines.has(line.trimEnd()), `comment line ${JSON.stringify(line)} in ${JSON.stringify(text)}`).toBe(true);
    }
  }
  return true;
}

// --- a generator of block-style documents, written the ways people write terra-iac files

const keyName = fc.oneof(
  fc.constantFrom('a', 'b', 'name', 'apiKey', 'terra-iac:smokeTest', 'aws:region', 'GARMIN', 'x_1', 'v1.2', 'path/to', 'k-e-y', 'true1', 'n', 'Null1'),
  fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_.\-/]{0,8}$/),
);

/** Mostly values as terra-iac files hold them (each resolved by the core schema), sometimes ones at the edge. */
const plainScalar = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      'x', 'hello world', 'https://access.tryterra.co/api/v2', 'v1:abc+/=:def', 'arn:aws:iam::1:role/x', '40211-prod.apps.example', 'a#b',
      'a, b', 'x]', '1', '-1', '+2', '0', '007', '0o17', '0x1F', '1.5', '1.', '.5', '1e3', '-2.5E-3', '.inf', '-.Inf', '.NaN', 'true', 'False',
      'TRUE', 'null', 'Null', '~', 'yes', 'no', '1_000', '12:30', '-x', 'a:b', 'Zürich', '1e400', '123456789012345678901234567890', 'a  b',
      "it's", 'say "hi"',
    ),
  },
  { weight: 3, arbitrary: fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9 ._:/@#-]{0,12}$/) },
  { weight: 1, arbitrary: fc.constantFrom('?x', ':x', 'a: b', 'x #c', '%x', '@x', '`x', '!x', '&x', '*x', '|', '>', 'é\u0085') },
);

const quotedScalar = fc.oneof(
  fc.string({ maxLength: 8 }).map((s) => `"${s}"`),
  fc.string({ maxLength: 8 }).map((s) => `'${s.replace(/'/g, "''")}'`),
  fc.constantFrom('"118025"', '""', "''", '"a\\nb"', "'it''s'", '"x" ', '"x":'),
);

const flowItem = fc.oneof(plainScalar, quotedScalar);
const flowCollection = fc.oneof(
  fc.constantFrom('{}', '[]', '[ ]', '{ }'),
  fc.array(flowItem, { minLength: 1, maxLength: 4 }).map((xs) => `[${xs.join(', ')}]`),
  fc.array(fc.tuple(keyName, flowItem), { minLength: 1, maxLength: 3 }).map((ps) => `{ ${ps.map(([k, v]) => `${k}: ${v}`).join(', ')} }`),
  fc.tuple(keyName, fc.array(flowItem, { maxLength: 2 })).map(([k, xs]) => `{ ${k}: [${xs.join(', ')}] }`),
  fc.constantFrom('[a, [b, c]]', '{a: b}', '[a,b]', '[a, ]', '{ a }', '[a: 1]', '{ a: b, a: c }'),
);

const inlineValue = fc.oneof({ weight: 8, arbitrary: plainScalar }, { weight: 1, arbitrary: quotedScalar }, { weight: 1, arbitrary: flowCollection });

/** A comment line (or a blank one) indented relative to the line it comes before: mostly as that line is. */
type Gap = ReadonlyArray<{ offset: number; text: string }>;

/** Something between two lines: nothing, blank lines, or comments at some indentation. */
const between: fc.Arbitrary<Gap> = fc.oneof(
  { weight: 6, arbitrary: fc.constant([]) },
  { weight: 1, arbitrary: fc.constant([{ offset: 0, text: '' }]) },
  {
    weight: 2,
    arbitrary: fc.array(
      fc.record({
        offset: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: -4, max: 4 }) }),
        text: fc.constantFrom('# note', '#', '# a: b', '#  indented', '# 0123456789abcdef0123456789ABCDEF', ''),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  },
);

const trailing = fc.oneof({ weight: 5, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('  ', ' # trailing', '  #x', '#no-space') });

/** A line of a block scalar: text at the content's indentation, deeper than it, or blank (so many spaces). */
type ScalarLine = { text: string } | { deeper: string } | { blank: number };

/** A literal or folded scalar (YAML 1.2.2 §8.1): its header, its lines, its content indented `shift` past the parent's children. */
interface BlockScalarValue {
  header: string;
  lines: ScalarLine[];
  shift: number;
}

const scalarLine: fc.Arbitrary<ScalarLine> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc
      .constantFrom('text', 'more text here', 'a: b', '# not a comment', 'trailing  ', '- item', '"q"', "it's", '{ a }', '[x]', '...', '---', 'x #y', '|', '>', 'true', '12')
      .map((text) => ({ text })),
  },
  { weight: 2, arbitrary: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 6 }) }).map((blank) => ({ blank })) },
  { weight: 1, arbitrary: fc.constantFrom('deeper', ' two deeper', '# deep').map((deeper) => ({ deeper })) },
);

const blockScalar: fc.Arbitrary<BlockScalarValue> = fc.record({
  header: fc.oneof(
    { weight: 16, arbitrary: fc.constantFrom('|', '|-', '|+', '>', '>-', '>+') },
    { weight: 1, arbitrary: fc.constantFrom('|2', '>1-', '|+ ', '> # c', '|#c', '>-x') },
  ),
  lines: fc.array(scalarLine, { minLength: 1, maxLength: 6 }),
  shift: fc.oneof({ weight: 10, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: -3, max: 3 }) }),
});

type Block = { kind: 'map'; pairs: Array<[string, Value]> } | { kind: 'seq'; items: Value[] };
type Value = { inline: string } | Block | { empty: true } | { scalar: BlockScalarValue };

/** Values nested up to n levels; `scalars`: how often a value is a block scalar, against 5 for an inline one. */
const valueOf = (scalars: number): fc.Memo<Value> => {
  const value: fc.Memo<Value> = fc.memo((n) =>
    n <= 1
      ? fc.oneof(
          { weight: 5, arbitrary: inlineValue.map((inline) => ({ inline })) },
          { weight: 1, arbitrary: fc.constant({ empty: true as const }) },
          { weight: scalars, arbitrary: blockScalar.map((scalar) => ({ scalar })) },
        )
      : fc.oneof(
          { weight: 4, arbitrary: inlineValue.map((inline) => ({ inline })) },
          { weight: 1, arbitrary: fc.constant({ empty: true as const }) },
          { weight: scalars, arbitrary: blockScalar.map((scalar) => ({ scalar })) },
          { weight: 2, arbitrary: block(value(n - 1)) },
        ),
  );
  return value;
};

const block = (value: fc.Arbitrary<Value>): fc.Arbitrary<Block> =>
  fc.oneof(
    fc.array(fc.tuple(keyName, value), { minLength: 1, maxLength: 4 }).map((pairs) => ({ kind: 'map' as const, pairs })),
    fc.array(value, { minLength: 1, maxLength: 3 }).map((items) => ({ kind: 'seq' as const, items })),
  );

interface Style {
  indent: number;
  seqInline: boolean;
  gaps: Gap[];
  tails: string[];
}

function write(b: Block, depth: number, style: Style, out: string[], counter: { i: number }): void {
  const pad = ' '.repeat(depth);
  const gap = () => {
    for (const { offset, text } of style.gaps[counter.i++ % style.gaps.length]!) out.push(text ? ' '.repeat(Math.max(0, depth + offset)) + text : '');
  };
  const tail = () => style.tails[counter.i % style.tails.length]!;
  const child = (v: Value, prefix: string, childDepth: number) => {
    if ('inline' in v) out.push(`${prefix} ${v.inline}${tail()}`);
    else if ('empty' in v) out.push(`${prefix}${tail()}`);
    else if ('scalar' in v) {
      out.push(`${prefix} ${v.scalar.header}`);
      const indent = Math.max(0, childDepth + v.scalar.shift);
      for (const line of v.scalar.lines) {
        if ('text' in line) out.push(' '.repeat(indent) + line.text);
        else if ('deeper' in line) out.push(' '.repeat(indent + 1) + line.deeper);
        else out.push(' '.repeat(line.blank));
      }
    }
    else {
      out.push(`${prefix}${tail()}`);
      const nested = v.kind === 'seq' && style.seqInline ? childDepth - style.indent : childDepth;
      write(v, Math.max(nested, 0), style, out, counter);
    }
  };
  if (b.kind === 'map') {
    for (const [k, v] of b.pairs) {
      gap();
      child(v, `${pad}${k}:`, depth + style.indent);
    }
  } else {
    for (const v of b.items) {
      gap();
      if ('kind' in v && v.kind === 'map' && counter.i % 2 === 0) {
        // `- key: value` with the rest of the map under it.
        const lines: string[] = [];
        write(v, depth + 2, style, lines, counter);
        const first = lines.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#'));
        if (first === -1) continue;
        lines[first] = `${pad}- ${lines[first]!.slice(depth + 2)}`;
        out.push(...lines);
      } else child(v, `${pad}-`, depth + style.indent);
    }
  }
}

const documentOf = (value: fc.Memo<Value>): fc.Arbitrary<string> =>
  fc
    .record({
      root: fc.array(fc.tuple(keyName, value(4)), { minLength: 1, maxLength: 6 }),
      indent: fc.constantFrom(2, 2, 4, 1, 3),
      seqInline: fc.boolean(),
      gaps: fc.array(between, { minLength: 1, maxLength: 5 }),
      tails: fc.array(trailing, { minLength: 1, maxLength: 3 }),
      header: fc.constantFrom('', '# yaml-language-server: $schema=../schemas/environment.schema.json\n', '# a\n\n', '\n'),
      footer: fc.constantFrom('\n', '', '\n\n', '\n# end\n', '\n  # end\n', '\n    # end', '\n\n\n', '\n  \n', '\n   '),
    })
    .map(({ root, indent, seqInline, gaps, tails, header, footer }) => {
      const out: string[] = [];
      write({ kind: 'map', pairs: root }, 0, { indent, seqInline, gaps, tails }, out, { i: 0 });
      return header + out.join('\n') + footer;
    });

const documentText = documentOf(valueOf(1));
/** Documents whose values are mostly literal and folded scalars, in maps and lists, at the end of the file too. */
const blockScalarDocumentText = documentOf(valueOf(10));
const HAS_BLOCK_SCALAR = /(?:^|[:-] )[|>]/m;

describe('fast YAML path against yaml parseDocument', () => {
  it('agrees on the shipped files, and takes the fast path for the environments and stacks', () => {
    const files = shippedFiles();
    for (const [path, text] of Object.entries(files)) expect(agree(text), path).toBe(true);
  });

  it('agrees on the YAML files `init` writes, and takes the fast path for every one', () => {
    const templates = join(REPO, 'templates', 'init');
    const paths = ['Pulumi.yaml', 'Pulumi.testing.yaml', 'Pulumi.staging.yaml', 'Pulumi.production.yaml', 'config/testing.yaml', 'config/staging.yaml', 'config/production.yaml'];
    for (const path of paths) expect(agree(readFileSync(join(templates, path), 'utf8')), path).toBe(true);
  });

  it('agrees on generated block-style documents (data, every offset, comments), and a good share take the fast path', () => {
    let fast = 0;
    fc.assert(
      fc.property(documentText, (text) => {
        if (agree(text)) fast++;
      }),
      { numRuns: GENERATED_RUNS },
    );
    // The generator also writes what lies outside the subset (about three in four documents fall back);
    // one whose documents all fell back would prove nothing.
    expect(fast).toBeGreaterThan(GENERATED_RUNS * 0.15);
  });

  it('agrees on generated block scalars in every style and chomping, and a good share take the fast path', () => {
    let fast = 0;
    fc.assert(
      fc.property(blockScalarDocumentText, (text) => {
        if (agree(text) && HAS_BLOCK_SCALAR.test(text)) fast++;
      }),
      { numRuns: GENERATED_RUNS },
    );
    expect(fast).toBeGreaterThan(GENERATED_RUNS * 0.1);
  });

  it('gives up, never differs, on mutated shipped files', () => {
    const files = shippedFiles();
    const paths = Object.keys(files).sort();
    fc.assert(
      fc.property(
        fc.constantFrom(...paths).chain((p) => mutatedText(files[p]!)),
        (text) => {
          agree(text);
        },
      ),
      { numRuns: MUTATED_RUNS },
    );
  });

  it('falls back to the full path for what lies outside the subset', () => {
    const outside = [
      'a: |2\n  block\n',
      'a: > # folded\n  text\n',
      'a: |\n\n  after an empty line\n',
      'a: >\n  folded\n    more indented\n  text\n',
      'a: |\n  x\n     \n  y\n',
      'a: |\nb: 1\n',
      'a: &x 1\nb: *x\n',
      'a: !Ref x\n',
      '? a\n: b\n',
      '- a\n- b\n',
      'a: 1\na: 2\n',
      '__proto__: 1\n',
      '"quoted": key\n',
      'a: "esc\\n"\n',
      'a:\tb\n',
      // Found by fast-check (seed 1748472257): yaml ended `b`'s list after all three comment lines.
      '\nb:\n  # note\n  - a: b\n# note\n    # note\n# note\na:\n  # note\n  a:\n\n    - {}\n',
      'a: b\r\nc: d\r\n',
      '%YAML 1.2\n---\na: 1\n',
      'a: 1\n---\nb: 2\n',
      'a: multi\n  line\n',
      'a: [x,\n  y]\n',
      '1: one\n',
      'a: 😀\n',
      '',
      '# only a comment\n',
    ];
    for (const text of outside) expect(fastParse(text), JSON.stringify(text)).toBeUndefined();
    // ... and parseYaml still reports what yaml reports there.
    expect(parseYaml('a: 1\na: 2\n').problems.map((p) => p.ruleId)).toEqual(['yaml-duplicate-key']);
    expect(parseYaml('a: !Ref x\n').problems.map((p) => p.ruleId)).toEqual(['yaml-custom-tag']);
  });
});
