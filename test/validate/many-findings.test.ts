import { describe, expect, it } from 'vitest';
import { formatText } from '../../src/formatters/text';
import { loadProject } from '../../src/project';
import { VALID_ENV } from '../fixtures/bad-input/cases';

/** VALID_ENV (10 lines) and `n` unknown top-level keys after it, one a line. */
function manyUnknownKeys(n: number) {
  const keys = Array.from({ length: n }, (_, i) => `u${i}: 0\n`).join('');
  return loadProject({ root: '/virtual', virtualFiles: { 'config/testing.yaml': `${VALID_ENV}${keys}` }, rules: [] });
}

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
    // Counts splits of this source, keeping nothing of them (a vitest spy would keep 20,000 arrays of lines).
    const split = String.prototype.split;
    let splits = 0;
    String.prototype.split = function (this: string, ...args: Parameters<string['split']>) {
      if (this.length === source.length && this === source) splits++;
      return split.apply(this, args);
    } as typeof split;
    let report: string;
    try {
      report = formatText(project.diagnostics, { sources: new Map([['config/testing.yaml', source]]), summary: project.summary, color: false, toolVersion: 'test' });
    } finally {
      String.prototype.split = split;
    }
    expect(report).toContain('> 20010 | u19999: 0');
    expect(splits).toBe(1);
  });
});
