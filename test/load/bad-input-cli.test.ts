import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, baseEnv, runCli, STACK_FRAME } from '../cli/helpers';
import { BAD_INPUT_CASES } from '../fixtures/bad-input/cases';
import { materialize, outsideOf } from '../fixtures/bad-input/materialize';

let dir: string;
beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'terra-iac-bad-input-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(outsideOf(dir), { recursive: true, force: true });
});

describe('bad input, through the built CLI (`terra-iac validate <file>`)', () => {
  it.each(BAD_INPUT_CASES.map((c) => [c.name, c] as const))('%s', (_name, testCase) => {
    const file = materialize(dir, testCase);
    const { code, stdout, stderr } = runCli(['validate', file], { cwd: dir, env: baseEnv({ NO_COLOR: '1' }) });
    const output = `${stdout}\n${stderr}`;
    expect(code, output).toBe(testCase.exitCode);
    for (const expected of testCase.expect) {
      const head = `${file}:${expected.line}:${expected.column} error `;
      const line = stdout.split('\n').find((l) => l.startsWith(head) && l.endsWith(`[${expected.ruleId}]`));
      expect(line, `no "${head}... [${expected.ruleId}]" line in:\n${output}`).toBeDefined();
      if (expected.says) expect(line).toMatch(expected.says);
    }
    expect(stdout).toMatch(/^ {2}hint: \w/m);
    expect(output).not.toMatch(STACK_FRAME);
    expect(output).not.toMatch(/^ {4}at /m);
    expect(output).not.toMatch(/internal error/);
    if (testCase.secret) {
      expect(output).not.toContain(testCase.secret);
      const json = runCli(['validate', file, '--format', 'json'], { cwd: dir, env: baseEnv() });
      expect(`${json.stdout}${json.stderr}`).not.toContain(testCase.secret);
    }
  });
});
