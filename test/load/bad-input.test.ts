import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic';
import { loadProject } from '../../src/project';
import { BAD_INPUT_CASES, VALID_ENV } from '../fixtures/bad-input/cases';
import { materialize, outsideOf } from '../fixtures/bad-input/materialize';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'terra-iac-bad-input-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(outsideOf(dir), { recursive: true, force: true });
});

const brief = (d: Diagnostic) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`;

describe('bad input, in process (loadProject)', () => {
  it.each(BAD_INPUT_CASES.map((c) => [c.name, c] as const))('%s', (_name, testCase) => {
    const file = materialize(dir, testCase);
    let project: ReturnType<typeof loadProject> | undefined;
    expect(() => {
      project = loadProject({ root: dir, files: [file], cwd: dir });
    }).not.toThrow();
    const diagnostics = project!.diagnostics;
    for (const expected of testCase.expect) {
      const found = diagnostics.find((d) => d.ruleId === expected.ruleId && d.line === expected.line && d.column === expected.column);
      expect(found, `expected ${expected.ruleId} at ${expected.line}:${expected.column}, got:\n${diagnostics.map(brief).join('\n')}`).toBeDefined();
      expect(found!.severity).toBe('error');
      expect(found!.hint, 'every bad-input diagnostic says how to fix it').toMatch(/\w{3}/);
      if (expected.says) expect(found!.message).toMatch(expected.says);
    }
    for (const d of diagnostics) {
      expect(d.file).toBe(file);
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.column).toBeGreaterThanOrEqual(1);
      expect(d.message).not.toMatch(/\n/);
    }
    if (testCase.secret) expect(JSON.stringify(diagnostics)).not.toContain(testCase.secret);
    expect(project!.environments.every((e) => e.model === undefined), 'a broken file never yields a model').toBe(true);
  });

  it('the valid base of the cases passes its schema (so each case breaks exactly what it says)', () => {
    const project = loadProject({ root: dir, virtualFiles: { 'config/testing.yaml': VALID_ENV } });
    const stageFindings = project.diagnostics.filter((d) => /^(file|yaml|schema)-/.test(d.ruleId));
    expect(stageFindings.map(brief)).toEqual([]);
    expect(project.environments[0]!.model).toBeDefined();
  });
});
