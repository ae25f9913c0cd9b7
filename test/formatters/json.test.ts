import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/formatters/json';
import { DIAGNOSTICS, SOURCE_CANARY, context, expectNoSecrets } from './fixtures';

describe('json formatter', () => {
  const text = formatJson(DIAGNOSTICS, context());
  const report = JSON.parse(text);

  it('prints { diagnostics, summary } as design.md fixes it', () => {
    expect(Object.keys(report)).toEqual(['diagnostics', 'summary']);
    expect(report.summary).toEqual({ errors: 3, warnings: 1, infos: 1, files: 2 });
    expect(report.diagnostics).toHaveLength(DIAGNOSTICS.length);
    expect(report.diagnostics[1]).toEqual({
      ruleId: 'schema-unknown-key',
      severity: 'error',
      message: 'unknown key `colour` in `terra`',
      hint: 'allowed keys: `devId`, `apiBaseUrl`, `apiKey`',
      file: 'config/staging.yaml',
      line: 6,
      column: 3,
      endLine: 6,
      endColumn: 9,
      path: ['terra', 'colour'],
    });
  });

  it('prints no secret and no source text', () => {
    expectNoSecrets(text);
    expect(text).not.toContain(SOURCE_CANARY);
  });
});
