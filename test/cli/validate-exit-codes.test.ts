import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STACK_FRAME, assertBuilt, copyProject, removeProjects, runCli } from './helpers';

beforeAll(assertBuilt);
afterAll(removeProjects);

/** Usage and I/O problems: exit 2, a clear message on stderr, nothing on stdout, no stack trace. */
function expectUsageProblem(result: { code: number | null; stdout: string; stderr: string }, message: RegExp): void {
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(STACK_FRAME);
  expect(result.stdout).toBe('');
  expect(result.code).toBe(2);
}

describe('validate exit codes', () => {
  const cwd = copyProject();

  it('exit 0: --env narrows the check to one environment and its stack', () => {
    const { code, stdout } = runCli(['validate', '--env', 'staging', '--format', 'junit'], { cwd });
    const suites = [...stdout.matchAll(/<testsuite name="([^"]+)"/g)].map((m) => m[1]);
    expect(suites).toEqual(['config/staging.yaml', 'Pulumi.staging.yaml', 'Pulumi.yaml']);
    expect(code).toBe(0);
  });

  it('exit 0: --env is repeatable, and FILES check only those files', () => {
    const both = runCli(['validate', '--env', 'staging', '--env=production'], { cwd });
    expect(both.stdout).toMatch(/^5 files checked: 0 errors/m);
    expect(both.code).toBe(0);
    const one = runCli(['validate', 'config/testing.yaml'], { cwd });
    expect(one.stdout).toMatch(/^1 file checked: 0 errors/m);
    expect(one.code).toBe(0);
  });

  it('exit 0 and 1: warnings fail only with --fail-on warning', () => {
    // One receiver URL in two environments: a warning (Terra signs each with its own secret), not an error.
    const shared = copyProject({
      'config/staging.yaml': (t) => t.replace('https://hooks.staging.acme-health.example/terra/events', 'https://hooks.acme-health.example/terra/events'),
    });
    const json = JSON.parse(runCli(['validate', '--format', 'json'], { cwd: shared }).stdout);
    expect(json.summary.errors).toBe(0);
    expect(json.summary.warnings).toBeGreaterThan(0);
    expect(runCli(['validate'], { cwd: shared }).code).toBe(0);
    expect(runCli(['validate', '--fail-on', 'error'], { cwd: shared }).code).toBe(0);
    const strict = runCli(['validate', '--fail-on', 'warning'], { cwd: shared });
    expect(strict.stdout).toMatch(/ warning .+\[[a-z-]+\]$/m);
    expect(strict.code).toBe(1);
  });

  it('exit 1: a schema error', () => {
    const broken = copyProject({ 'config/testing.yaml': (t) => t.replace('plannedUsers: 20', 'plannedUsers: twenty') });
    const { code, stdout } = runCli(['validate', '--format', 'github'], { cwd: broken });
    expect(stdout).toMatch(/^::error file=config\/testing\.yaml,line=\d+,col=\d+.*title=schema-type::/m);
    expect(code).toBe(1);
  });

  it('exit 2: a named file that does not exist is a located diagnostic', () => {
    const { code, stdout, stderr } = runCli(['validate', 'config/nope.yaml'], { cwd });
    expect(stdout).toMatch(/^config\/nope\.yaml:1:1 error file does not exist \[file-unreadable\]$/m);
    expect(stdout + stderr).not.toMatch(STACK_FRAME);
    expect(code).toBe(2);
  });

  it('exit 2: a directory where a file belongs', () => {
    const { code, stdout } = runCli(['validate', 'config'], { cwd });
    expect(stdout).toMatch(/^config:1:1 error expected a file, found a directory \[file-unreadable\]$/m);
    expect(code).toBe(2);
  });

  it('exit 2: an unknown environment names the known ones', () => {
    expectUsageProblem(runCli(['validate', '--env', 'prod'], { cwd }), /unknown environment "prod".*production/);
  });

  it('exit 2: unknown flags, bad values and missing values', () => {
    expectUsageProblem(runCli(['validate', '--formt', 'json'], { cwd }), /unknown option --formt\n {2}hint: did you mean --format\?/);
    expectUsageProblem(runCli(['validate', '--format', 'sarf'], { cwd }), /--format must be one of text, json, sarif, github, junit; got "sarf"\n {2}hint: did you mean --format sarif\?/);
    expectUsageProblem(runCli(['validate', '--fail-on', 'info'], { cwd }), /--fail-on must be one of error, warning/);
    expectUsageProblem(runCli(['validate', '--output'], { cwd }), /option --output needs a value/);
    expectUsageProblem(runCli(['validate', '--output='], { cwd }), /option --output needs a value, got an empty one/);
    expectUsageProblem(runCli(['validate', '-f', 'json'], { cwd }), /unknown option -f/);
    expectUsageProblem(runCli(['validate', '--format', 'json', '--format', 'text'], { cwd }), /option --format given twice/);
    expectUsageProblem(runCli(['validate', '--constructor'], { cwd }), /unknown option --constructor/);
  });

  it('exit 2: FILES and --env together are ambiguous', () => {
    expectUsageProblem(runCli(['validate', 'config/testing.yaml', '--env', 'staging'], { cwd }), /name FILES or --env, not both/);
  });

  it('exit 2: nothing to check', () => {
    const empty = mkdtempSync(join(tmpdir(), 'terra-iac-empty-'));
    try {
      expectUsageProblem(runCli(['validate'], { cwd: empty }), /no files to check under .+\n {2}hint: run from the project root/);
    } finally {
      rmSync(empty, { recursive: true });
    }
  });

  it('exit 2: --output into a folder, with the report nowhere half-written', () => {
    mkdirSync(join(cwd, 'out.sarif'));
    const result = runCli(['validate', '--format', 'sarif', '--output', 'out.sarif'], { cwd });
    expect(result.stderr).toMatch(/cannot write .+out\.sarif: EISDIR/);
    expect(result.code).toBe(2);
    const blocked = runCli(['validate', '--output', 'config/testing.yaml/report.txt'], { cwd });
    expect(blocked.stderr).toMatch(/cannot write .+report\.txt: (ENOTDIR|EEXIST)/);
    expect(blocked.code).toBe(2);
    expect(readFileSync(join(cwd, 'config/testing.yaml'), 'utf8')).toContain('devId');
  });

  it('exit 0: --help prints the validate usage', () => {
    const { code, stdout } = runCli(['validate', '--help'], { cwd });
    expect(stdout).toMatch(/^Usage: terra-iac validate \[FILES\.\.\.\]/);
    expect(stdout).toContain('--fail-on');
    expect(code).toBe(0);
  });
});
