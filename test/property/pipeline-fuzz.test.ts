import fc from 'fast-check';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/load/parse-yaml';
import { loadProject } from '../../src/project';
import { mutatedData } from './data-mutations';
import { positionProblem } from './positions';
import { shippedFiles } from './shipped-files';
import { YAML_TOKENS, mutatedText } from './text-mutations';

/**
 * Property: whatever text reaches the pipeline, loadProject returns (never throws), no rule crashes, and
 * every diagnostic points inside the file it names. 5,000 mutated shipped files + 5,000 generated
 * documents = 10,000 runs, in process (each run is one loadProject call on virtual files).
 */
const MUTATION_RUNS = 5_000;
const GENERATED_RUNS = 5_000;

/** Nothing is read from here: virtual files only, so no rule can see the real project by accident. */
const ROOT = join(tmpdir(), 'terra-iac-fuzz-root-that-does-not-exist');
const SHIPPED = shippedFiles();
const SHIPPED_PATHS = Object.keys(SHIPPED).sort();

function check(files: Record<string, string>): void {
  let project: ReturnType<typeof loadProject> | undefined;
  try {
    project = loadProject({ root: ROOT, virtualFiles: files });
  } catch (error) {
    throw new Error(`loadProject threw: ${(error as Error).stack}`);
  }
  for (const d of project.diagnostics) {
    const problem = positionProblem(d, files);
    if (problem) throw new Error(`${d.ruleId} at ${d.file}:${d.line}:${d.column}: ${problem}`);
    if (/^rule crashed/.test(d.message)) throw new Error(`${d.ruleId}: ${d.message}`);
  }
}

/** config/<env>.yaml's Pulumi.<env>.yaml and the reverse, as virtual files (empty when there is none). */
function partnerOf(path: string): Record<string, string> {
  const env = /^config\/(.+)\.yaml$/.exec(path)?.[1];
  const stack = /^Pulumi\.(.+)\.yaml$/.exec(path)?.[1];
  const partner = env ? `Pulumi.${env}.yaml` : stack ? `config/${stack}.yaml` : undefined;
  return partner && SHIPPED[partner] !== undefined ? { [partner]: SHIPPED[partner]! } : {};
}

const parsedShipped = Object.fromEntries(SHIPPED_PATHS.map((p) => [p, parseYaml(SHIPPED[p]!).data]));

/** YAML text from generated data: arbitrary JSON, mutated shipped documents, in block and flow style. */
const generatedText: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.jsonValue(), fc.boolean()).map(([v, flow]) => stringify(v, { collectionStyle: flow ? 'flow' : 'block' })),
  fc
    .constantFrom(...SHIPPED_PATHS)
    .chain((p) => mutatedData(parsedShipped[p]))
    .map((v) => stringify(v, { aliasDuplicateObjects: false })),
  fc.array(fc.oneof(fc.constantFrom(...YAML_TOKENS), fc.string({ maxLength: 6 })), { maxLength: 30 }).map((ts) => ts.join('')),
  fc.string({ unit: 'binary', maxLength: 80 }),
);

describe('pipeline fuzz (fast-check)', () => {
  it(`never throws on ${MUTATION_RUNS} mutations of the shipped files, and positions stay inside the file`, () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SHIPPED_PATHS).chain((path) => fc.tuple(fc.constant(path), mutatedText(SHIPPED[path]!), fc.nat(19))),
        ([path, text, company]) => {
          // Mostly the file alone (fast); sometimes with its partner or the whole project, for cross-file rules.
          if (company === 0) check({ ...SHIPPED, [path]: text });
          else if (company <= 4) check({ ...partnerOf(path), [path]: text });
          else check({ [path]: text });
        },
      ),
      { numRuns: MUTATION_RUNS },
    );
    expect(SHIPPED_PATHS.length).toBeGreaterThanOrEqual(7);
  }, 120_000);

  it(`never throws on ${GENERATED_RUNS} generated YAML documents`, () => {
    const paths = ['config/testing.yaml', 'config/extra.yaml', 'Pulumi.yaml', 'Pulumi.testing.yaml'];
    fc.assert(
      fc.property(fc.constantFrom(...paths), generatedText, (path, text) => {
        check({ [path]: text });
      }),
      { numRuns: GENERATED_RUNS },
    );
  }, 120_000);

  it('the checker itself rejects a position outside the file (it is not vacuous)', () => {
    const files = { 'config/a.yaml': 'a: 1\nbb: 2\n' };
    const base = { ruleId: 'x', severity: 'error' as const, message: 'm', file: 'config/a.yaml', path: [] };
    expect(positionProblem({ ...base, line: 2, column: 6 }, files)).toBeUndefined();
    expect(positionProblem({ ...base, line: 2, column: 7 }, files)).toMatch(/past the end of line 2/);
    expect(positionProblem({ ...base, line: 4, column: 1 }, files)).toMatch(/past the last line/);
    expect(positionProblem({ ...base, line: 0, column: 1 }, files)).toMatch(/1-based/);
    expect(positionProblem({ ...base, line: 2, column: 2, endLine: 1, endColumn: 1 }, files)).toMatch(/before start/);
    expect(positionProblem({ ...base, file: 'config/b.yaml', line: 1, column: 1 }, files)).toMatch(/not loaded/);
  });
});
