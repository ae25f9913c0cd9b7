import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, copyProject, removeProjects, runCli } from './helpers';

beforeAll(assertBuilt);
afterAll(removeProjects);

/** `validate --format json` from `cwd`: the files it checked and where its findings are. */
function validateFrom(cwd: string, args: string[] = []) {
  const result = runCli(['validate', '--format', 'json', ...args], { cwd });
  return { code: result.code, stderr: result.stderr, report: result.stdout ? JSON.parse(result.stdout) : undefined };
}

describe('run from a folder inside the project, the CLI finds the root upward (as git does)', () => {
  const root = copyProject();
  const deep = join(root, 'config', 'notes', 'drafts');
  mkdirSync(deep, { recursive: true });
  const fromRoot = validateFrom(root);

  it.each([
    ['config', join(root, 'config')],
    ['config/notes/drafts', deep],
  ])('validate from %s checks the whole project, with paths from the root', (_name, cwd) => {
    const here = validateFrom(cwd);
    expect(here.code).toBe(0);
    expect(here.report.summary).toEqual(fromRoot.report.summary);
    expect(here.report.summary.files).toBe(7);
    expect(here.report.diagnostics).toEqual(fromRoot.report.diagnostics);
    expect(here.report.diagnostics.map((d: { file: string }) => d.file)).toContain('config/production.yaml');
  });

  it('names FILES against the working directory and shows them from the root', () => {
    const { code, report } = validateFrom(join(root, 'config'), ['staging.yaml']);
    expect(code).toBe(0);
    expect(report.summary.files).toBe(1);
    expect(new Set(report.diagnostics.map((d: { file: string }) => d.file))).toEqual(new Set(['config/staging.yaml']));
  });

  it('audit, diff and smoke find it too', () => {
    const audit = runCli(['audit', '--format', 'json'], { cwd: deep });
    expect(audit.code, audit.stderr).toBe(0);
    expect(JSON.parse(audit.stdout).environments.map((e: { name: string }) => e.name).sort()).toEqual(['production', 'staging', 'testing']);
    const diff = runCli(['diff', 'staging', 'production', '--format', 'json'], { cwd: deep });
    expect(diff.stderr).toBe('');
    expect([0, 1]).toContain(diff.code);
    // smoke got as far as the credentials, so config/testing.yaml was found and valid.
    const smoke = runCli(['smoke', '--env', 'testing'], { cwd: deep });
    expect(smoke.stderr).toMatch(/^terra-iac: TERRA_API_KEY is not set\n/);
  });

  it('--root still wins: `--root .` in config/ means config/ itself, which holds no project', () => {
    const { code, stderr } = validateFrom(join(root, 'config'), ['--root', '.']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/no files to check under .+config: no config\/\*\.yaml/);
  });
});

describe('the markers: Pulumi.yaml and a config/ folder, both, nearest first', () => {
  it('a config/ folder without Pulumi.yaml (another tool\'s) is walked past', () => {
    const root = copyProject();
    const tool = join(root, 'tools', 'lint');
    mkdirSync(join(tool, 'config'), { recursive: true });
    writeFileSync(join(tool, 'config', 'rules.yaml'), 'not: an environment\n');
    const { code, report } = validateFrom(tool);
    expect(code).toBe(0);
    expect(report.summary.files).toBe(7);
  });

  it('a Pulumi.yaml without config/ (a Pulumi project of its own) is walked past', () => {
    const root = copyProject();
    const infra = join(root, 'infra');
    mkdirSync(infra);
    writeFileSync(join(infra, 'Pulumi.yaml'), 'name: other\nruntime: nodejs\n');
    expect(validateFrom(infra).report.summary.files).toBe(7);
  });

  it('a nested project is the nearest one, so it wins over the outer project', () => {
    const outer = copyProject();
    const inner = join(outer, 'teams', 'pilot');
    mkdirSync(join(inner, 'config'), { recursive: true });
    cpSync(join(outer, 'Pulumi.yaml'), join(inner, 'Pulumi.yaml'));
    cpSync(join(outer, 'config', 'testing.yaml'), join(inner, 'config', 'testing.yaml'));
    const { report } = validateFrom(join(inner, 'config'));
    expect(report.summary.files).toBe(2);
  });
});
