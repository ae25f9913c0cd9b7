import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkXml } from '../formatters/xml-well-formed';
import { REPO, STACK_FRAME, assertBuilt, removeProjects, runCli } from './helpers';
import { PLANTED, projectWithPlantedSecrets, secretsIn } from './secrets-fixture';

beforeAll(assertBuilt);
afterAll(removeProjects);

describe('validate on the shipped project', () => {
  it('exits 0 and prints a short summary', () => {
    const { code, stdout, stderr } = runCli(['validate'], { cwd: REPO });
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^\d+ files checked: 0 errors, \d+ warnings?(, \d+ info)?\n$/m);
    expect(stdout.trim().split('\n').length).toBeLessThan(40);
    expect(code).toBe(0);
  });

  it('checks every config/*.yaml, Pulumi.yaml and Pulumi.*.yaml by default', () => {
    const { stdout } = runCli(['validate', '--format', 'junit'], { cwd: REPO });
    const suites = checkXml(stdout).elements.filter((e) => e.name === 'testsuite').map((e) => e.attributes.name);
    const expected = [
      ...readdirSync(join(REPO, 'config')).filter((f) => /\.ya?ml$/.test(f)).map((f) => `config/${f}`),
      ...readdirSync(REPO).filter((f) => /^Pulumi(\..+)?\.ya?ml$/.test(f)),
    ];
    expect([...suites].sort()).toEqual([...expected].sort());
  });
});

describe('validate on a project with findings and planted secrets', () => {
  const cwd = projectWithPlantedSecrets();

  it('text: located findings with a masked code frame, exit 1', () => {
    const { code, stdout, stderr } = runCli(['validate'], { cwd });
    expect(stdout).toMatch(/^config\/staging\.yaml:12:11 error .+ \[no-plaintext-secret\]$/m);
    expect(stdout).toMatch(/^config\/staging\.yaml:13:3 error unknown key `tpyo` in `terra` \[schema-unknown-key\]$/m);
    expect(stdout).toContain('  > 12 |   apiKey: ********');
    // The plain value in the stack file is found too, and its frame is masked like the others.
    expect(stdout).toMatch(/^Pulumi\.staging\.yaml:16:\d+ error /m);
    expect(stdout).toContain('terra-iac:virtuagymApiKey: ********');
    expect(stdout).toMatch(/^ {2}hint: /m);
    expect(stdout).toMatch(/\d+ files checked: [1-9]\d* errors?/);
    expect(stdout).not.toContain('\x1b[');
    expect(stderr).toBe('');
    expect(secretsIn(stdout + stderr)).toEqual([]);
    expect(code).toBe(1);
  });

  it('json: the design.md shape, exit 1', () => {
    const { code, stdout, stderr } = runCli(['validate', '--format', 'json'], { cwd });
    const report = JSON.parse(stdout);
    expect(report.summary).toMatchObject({ files: 7 });
    expect(report.summary.errors).toBe(report.diagnostics.filter((d: { severity: string }) => d.severity === 'error').length);
    const secret = report.diagnostics.find((d: { ruleId: string; path: string[] }) => d.ruleId === 'no-plaintext-secret' && d.path.join('.') === 'terra.apiKey');
    expect(secret).toMatchObject({ severity: 'error', file: 'config/staging.yaml', line: 12, column: 11 });
    expect(stderr).toMatch(/^terra-iac: 7 files checked: \d+ errors?, \d+ warnings?(, \d+ info)?\n$/);
    expect(secretsIn(stdout + stderr)).toEqual([]);
    expect(code).toBe(1);
  });

  it('sarif: rules before results, every result tied to a listed rule, exit 1', () => {
    const { code, stdout, stderr } = runCli(['validate', '--format', 'sarif'], { cwd });
    const run = JSON.parse(stdout).runs[0];
    const ids: string[] = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ids).toContain('no-plaintext-secret');
    expect(ids).toContain('schema-unknown-key');
    expect(run.results.length).toBeGreaterThan(0);
    for (const result of run.results) {
      expect(ids[result.ruleIndex]).toBe(result.ruleId);
      expect(result.locations[0].physicalLocation.artifactLocation.uri).not.toMatch(/^\/|\\/);
      expect(result.locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
    }
    expect(stdout.indexOf('"rules"')).toBeLessThan(stdout.indexOf('"results"'));
    expect(secretsIn(stdout + stderr)).toEqual([]);
    expect(code).toBe(1);
  });

  it('github: one annotation per finding, exit 1', () => {
    const { code, stdout, stderr } = runCli(['validate', '--format', 'github'], { cwd });
    const lines = stdout.trimEnd().split('\n');
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+(,endLine=\d+)?(,endColumn=\d+)?,title=[a-z-]+::\S/);
    expect(lines).toContain(
      '::error file=config/staging.yaml,line=13,col=3,endLine=13,endColumn=7,title=schema-unknown-key::unknown key `tpyo` in `terra`%0Ahint: allowed keys: `devId`, `apiBaseUrl`, `apiKey`, `admin`',
    );
    expect(secretsIn(stdout + stderr)).toEqual([]);
    expect(code).toBe(1);
  });

  it('junit: well-formed, a failure per error, exit 1', () => {
    const { code, stdout, stderr } = runCli(['validate', '--format', 'junit'], { cwd });
    const { elements } = checkXml(stdout);
    const staging = elements.find((e) => e.name === 'testsuite' && e.attributes.name === 'config/staging.yaml')!;
    expect(Number(staging.attributes.failures)).toBeGreaterThanOrEqual(3);
    expect(elements.filter((e) => e.name === 'failure').map((e) => e.attributes.type)).toContain('no-plaintext-secret');
    expect(secretsIn(stdout + stderr)).toEqual([]);
    expect(code).toBe(1);
  });

  it('--output writes the report atomically, prints nothing on stdout and a summary on stderr', () => {
    const direct = runCli(['validate', '--format', 'sarif'], { cwd });
    const { code, stdout, stderr } = runCli(['validate', '--format', 'sarif', '--output', 'reports/terra-iac.sarif'], { cwd });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^terra-iac: 7 files checked: \d+ errors?, \d+ warnings?(, \d+ info)?; report written to reports\/terra-iac\.sarif\n$/);
    expect(readFileSync(join(cwd, 'reports/terra-iac.sarif'), 'utf8')).toBe(direct.stdout);
    expect(readdirSync(join(cwd, 'reports'))).toEqual(['terra-iac.sarif']);
    expect(secretsIn(readFileSync(join(cwd, 'reports/terra-iac.sarif'), 'utf8') + stderr)).toEqual([]);
  });

  it('--output of the text format has no colour, even when asked on a terminal', () => {
    const { code } = runCli(['validate', '--output', 'report.txt'], { cwd });
    expect(code).toBe(1);
    const text = readFileSync(join(cwd, 'report.txt'), 'utf8');
    expect(text).toContain('[schema-unknown-key]');
    expect(text).not.toContain('\x1b[');
    expect(secretsIn(text)).toEqual([]);
  });

  it('never prints a stack trace', () => {
    for (const format of ['text', 'json', 'sarif', 'github', 'junit']) {
      const { stdout, stderr } = runCli(['validate', '--format', format], { cwd });
      expect(stdout + stderr).not.toMatch(STACK_FRAME);
    }
    expect(existsSync(join(cwd, 'config', 'staging.yaml'))).toBe(true);
    expect(PLANTED.signingSecret.length).toBeLessThan(24); // caught by span masking, not by the token heuristic
  });
});
