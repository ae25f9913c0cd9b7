import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAuditReport } from '../../src/report/build-report';
import { fileHashes } from '../../src/report/provenance';
import { AUDIT_FORMATS, AUDIT_RENDERERS } from '../../src/report/render';
import { loadProject } from '../../src/project';
import { VERSION } from '../../src/core/version';
import { BASIC_FIXTURE, E2E_TIMEOUT_MS, FIXED_TIME, REPO_ROOT, copyProject, runCli } from './helpers';

/** What the CLI must print in a folder outside git: the library's report with the real rules. */
function expectedReport(dir: string, format: (typeof AUDIT_FORMATS)[number]): string {
  const project = loadProject({ root: dir });
  const provenance = { generatedAt: FIXED_TIME, git: { commit: null, note: 'not a git repository', uncommitted: [] }, files: fileHashes(project.files) };
  return AUDIT_RENDERERS[format](buildAuditReport(project, { toolVersion: VERSION, provenance }));
}

describe('terra-iac audit (built CLI)', { timeout: E2E_TIMEOUT_MS }, () => {
  for (const [name, source] of [['shipped', REPO_ROOT], ['basic', BASIC_FIXTURE]] as const) {
    it(`prints every format of the ${name} project exactly as the report library renders it, and exits 0`, () => {
      const dir = copyProject(source);
      for (const format of AUDIT_FORMATS) {
        const result = runCli(['audit', '--format', format], dir);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        expect(result.stdout).toBe(expectedReport(dir, format));
      }
    });
  }

  it('defaults to Markdown and reports findings without failing (validate is the gate)', () => {
    const dir = copyProject(BASIC_FIXTURE);
    const result = runCli(['audit'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# terra-iac audit report\n/);
    expect(result.stdout).toContain('| error | `config/broken.yaml:2:1` | `schema-required` |');
    expect(result.stdout).toContain('from not a git repository');
  });

  it('writes --output atomically: the whole report, no temp file left, a summary on stderr', () => {
    const dir = copyProject(REPO_ROOT);
    const result = runCli(['audit', '--format', 'html', '--output', 'out/audit.html'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/wrote the html audit report of 3 environments to out\/audit.html \(0 errors, \d+ warnings?\)/);
    expect(readFileSync(join(dir, 'out', 'audit.html'), 'utf8')).toBe(expectedReport(dir, 'html'));
    expect(readdirSync(join(dir, 'out'))).toEqual(['audit.html']);
    // Overwriting keeps the file whole as well.
    expect(runCli(['audit', '--format', 'json', '--output', 'out/audit.html'], dir).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'out', 'audit.html'), 'utf8')).reportVersion).toBe(1);
    expect(readdirSync(join(dir, 'out'))).toEqual(['audit.html']);
  });

  it('exits 2 with a clear message when the output cannot be written', () => {
    const dir = copyProject(REPO_ROOT);
    writeFileSync(join(dir, 'blocker'), 'a file where a folder is expected');
    const result = runCli(['audit', '--output', 'blocker/audit.md'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^terra-iac: cannot write blocker\/audit.md: (ENOTDIR|EEXIST)\n {2}hint: /);
    expect(result.stderr).not.toContain('    at ');
  });

  it('exits 2 on usage errors and when there is nothing to report', () => {
    const dir = copyProject(REPO_ROOT);
    const badFormat = runCli(['audit', '--format', 'pdf'], dir);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('--format must be one of md, csv, json, html; got "pdf"');
    const positional = runCli(['audit', 'config/staging.yaml'], dir);
    expect(positional.code).toBe(2);
    expect(positional.stderr).toContain('audit takes no file arguments');
    const empty = mkdtempSync(join(tmpdir(), 'terra-iac-empty-'));
    mkdirSync(join(empty, 'config'));
    const nothing = runCli(['audit'], empty);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('no environments under');
    expect(nothing.stderr).toContain('hint: run from the project root');
  });

  it('takes its time from SOURCE_DATE_EPOCH, so the same files give the same bytes', () => {
    const dir = copyProject(REPO_ROOT);
    const first = runCli(['audit', '--format', 'json'], dir, { SOURCE_DATE_EPOCH: '1700000000' });
    const second = runCli(['audit', '--format', 'json'], dir, { SOURCE_DATE_EPOCH: '1700000000' });
    expect(JSON.parse(first.stdout).provenance.generatedAt).toBe('2023-11-14T22:13:20.000Z');
    expect(second.stdout).toBe(first.stdout);
  });
});
