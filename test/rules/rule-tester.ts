import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../src/validate/rule-contract';
import type { Diagnostic, Severity } from '../../src/core/diagnostic';
import { loadProject } from '../../src/project';
import { type LoadedProject } from '../../src/validate/load-project';
import { projectWith, type ProjectFiles } from './baseline';

/** One expected finding: rule id and 1-based position; `file` defaults to the case's first file. */
export interface ExpectedFinding {
  ruleId: string;
  line: number;
  column: number;
  file?: string;
  /** Defaults to the rule's severity (error for stage findings). */
  severity?: Severity;
  /** Assert the diagnostic is marked sensitive (formatters mask its span). */
  sensitive?: boolean;
}

export interface ValidCase {
  name: string;
  /** Files replacing, adding to or (null) removing from the baseline project. */
  files: ProjectFiles;
  /** Validate only these files (project-relative), as `terra-iac validate FILE...` does. */
  only?: string[];
  /** Write the project to a temporary folder instead of passing virtual files (needed for bytes on disk). */
  disk?: boolean;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
  /** Values that must not appear in any message or hint. */
  secrets?: string[];
}

const ROOT = '/virtual';

/** Loads the baseline project with the case's files, running only `rules`. */
export function runCase(testCase: ValidCase, rules: readonly Rule[]): LoadedProject {
  const files = projectWith(testCase.files);
  const onDisk = testCase.disk || Object.values(files).some((content) => Buffer.isBuffer(content));
  if (!onDisk) {
    const virtualFiles = Object.fromEntries(Object.entries(files).map(([path, content]) => [path, String(content)]));
    return loadProject({ root: ROOT, virtualFiles, rules, files: testCase.only, cwd: ROOT });
  }
  const root = mkdtempSync(join(tmpdir(), 'terra-iac-rules-'));
  try {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    }
    return loadProject({ root, rules, files: testCase.only, cwd: root });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const view = (d: Diagnostic) => ({ ruleId: d.ruleId, file: d.file, line: d.line, column: d.column, severity: d.severity });
const order = (a: ReturnType<typeof view>, b: ReturnType<typeof view>) =>
  a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);

/**
 * RuleTester in the style of ESLint's: `valid` cases must produce no diagnostic at all, `invalid` ones exactly
 * the listed ids and positions. Pass `null` to test the built-in stage findings alone (no rules run).
 */
export function ruleTester(rule: Rule | null, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const rules = rule ? [rule] : [];
  describe(rule ? rule.id : 'stage findings', () => {
    for (const testCase of cases.valid) {
      it(`valid: ${testCase.name}`, () => {
        const { diagnostics } = runCase(testCase, rules);
        expect(diagnostics.map(view)).toEqual([]);
      });
    }
    for (const testCase of cases.invalid) {
      it(`invalid: ${testCase.name}`, () => {
        const { diagnostics } = runCase(testCase, rules);
        const defaultFile = Object.keys(testCase.files)[0] ?? '';
        const expected = testCase.errors.map((e) => ({
          ruleId: e.ruleId,
          file: e.file ?? defaultFile,
          line: e.line,
          column: e.column,
          severity: e.severity ?? (rule && e.ruleId === rule.id ? rule.severity : 'error'),
        }));
        expect(diagnostics.map(view).sort(order)).toEqual(expected.sort(order));
        for (const e of testCase.errors.filter((x) => x.sensitive)) {
          const match = diagnostics.find((d) => d.ruleId === e.ruleId && d.line === e.line && d.column === e.column);
          expect(match?.sensitive, `${e.ruleId} at ${e.line}:${e.column} is marked sensitive`).toBe(true);
        }
        for (const secret of testCase.secrets ?? []) {
          for (const d of diagnostics) expect(`${d.message}\n${d.hint ?? ''}`).not.toContain(secret);
        }
      });
    }
  });
}
