import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatText } from '../../src/formatters/text';
import { loadProject } from '../../src/project';
import { VALID_ENV } from '../fixtures/bad-input/cases';

/** VALID_ENV (10 lines) and `n` unknown top-level keys after it, one a line. */
function manyUnknownKeys(n: number) {
  const keys = Array.from({ length: n }, (_, i) => `u${i}: 0\n`).join('');
  return loadProject({ root: '/virtual', virtualFiles: { 'config/testing.yaml': `${VALID_ENV}${keys}` }, rules: [] });
}

afterEach(() => vi.restoreAllMocks());

describe('20,000 findings in one map', () => {
  const project = manyUnknownKeys(20_000);

  it('locates every one of them at its own key', () => {
    const unknown = project.diagnostics.filter((d) => d.ruleId === 'schema-unknown-key');
    expect(unknown).toHaveLength(20_000);
    for (const d of unknown) {
      const i = Number(/`u(\d+)`/.exec(d.message)![1]);
      expect([d.line, d.column]).toEqual([11 + i, 1]);
    }
  });

  it('the text report splits the file into lines once, not once per code frame', () => {
    const source = project.files[0]!.text!;
    const split = vi.spyOn(String.prototype, 'split');
    const report = formatText(project.diagnostics, { sources: new Map([['config/testing.yaml', source]]), summary: project.summary, color: false, toolVersion: 'test' });
    expect(report).toContain('> 20010 | u19999: 0');
    expect(split.mock.contexts.filter((self) => String(self) === source)).toHaveLength(1);
  });
});
