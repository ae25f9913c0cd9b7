import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, REPO, assertBuilt, baseEnv, copyProject, removeProjects, runCli } from './helpers';

beforeAll(assertBuilt);
afterAll(removeProjects);

interface Step {
  name?: string;
  id?: string;
  if?: string;
  run?: string;
  uses?: string;
  with?: Record<string, string>;
}

const workflow = parse(readFileSync(join(REPO, '.github/workflows/validate.yml'), 'utf8'));
const job = workflow.jobs.validate;
const steps: Step[] = job.steps;
const validateSteps = steps.filter((s) => s.run?.includes('npx terra-iac validate'));

/** Runs a workflow `run:` line the way the runner would, with the built CLI in place of `npx terra-iac`. */
function runStep(step: Step, cwd: string) {
  const command = step.run!.trim().replace(/^npx terra-iac/, `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)}`);
  return spawnSync('bash', ['-c', command], { cwd, env: baseEnv(), encoding: 'utf8' });
}

describe('.github/workflows/validate.yml', () => {
  it('runs on pushes and pull requests with the permissions SARIF upload needs', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    expect(job.permissions).toMatchObject({ 'security-events': 'write', contents: 'read' });
    expect(job.strategy.matrix.node).toContain(20);
  });

  it('installs from the lockfile, annotates, then writes and uploads SARIF even after a failure', () => {
    const runs = steps.map((s) => s.run?.trim());
    expect(runs).toContain('npm ci');
    expect(validateSteps.map((s) => s.run!.trim())).toEqual([
      'npx terra-iac validate --format github',
      'npx terra-iac validate --format sarif --output terra-iac.sarif',
    ]);
    expect(validateSteps[1]!.if).toMatch(/always\(\)/);
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(upload.uses).toBe('github/codeql-action/upload-sarif@v3');
    expect(upload.with!.sarif_file).toBe('terra-iac.sarif');
    expect(upload.if).toMatch(/always\(\)/);
    expect(steps.indexOf(upload)).toBeGreaterThan(steps.indexOf(validateSteps[1]!));
  });

  it('its commands pass on the shipped project', () => {
    const cwd = copyProject();
    for (const step of validateSteps) expect(runStep(step, cwd).status).toBe(0);
    expect(JSON.parse(readFileSync(join(cwd, 'terra-iac.sarif'), 'utf8')).version).toBe('2.1.0');
  });

  it('its commands fail with annotations and a SARIF file on a broken project', () => {
    const cwd = copyProject({ 'config/testing.yaml': (t) => t.replace('plannedUsers: 20', 'plannedUsers: twenty') });
    const annotations = runStep(validateSteps[0]!, cwd);
    expect(annotations.status).toBe(1);
    expect(annotations.stdout).toMatch(/^::error file=config\/testing\.yaml,line=\d+,col=\d+,.*title=schema-type::/m);
    const sarif = runStep(validateSteps[1]!, cwd);
    expect(sarif.status).toBe(1);
    const log = JSON.parse(readFileSync(join(cwd, 'terra-iac.sarif'), 'utf8'));
    expect(log.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toContain('schema-type');
  });
});

describe('a project in a subfolder of the repository', () => {
  const repo = copyProject({ 'config/testing.yaml': (t) => t.replace('plannedUsers: 20', 'plannedUsers: twenty') });
  mkdirSync(join(repo, 'infra'));
  for (const entry of ['config', 'schemas', 'Pulumi.yaml', 'Pulumi.testing.yaml', 'Pulumi.staging.yaml', 'Pulumi.production.yaml']) {
    renameSync(join(repo, entry), join(repo, 'infra', entry));
  }

  it('github and sarif reports give paths from the repository root with --root', () => {
    const github = runCli(['validate', '--root', 'infra', '--format', 'github'], { cwd: repo });
    expect(github.stdout).toMatch(/^::error file=infra\/config\/testing\.yaml,/m);
    const sarif = JSON.parse(runCli(['validate', '--root', 'infra', '--format', 'sarif'], { cwd: repo }).stdout);
    const uris = sarif.runs[0].results.map((r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => r.locations[0]!.physicalLocation.artifactLocation.uri);
    expect(uris).toContain('infra/config/testing.yaml');
    for (const uri of uris) expect(uri).toMatch(/^infra\//);
  });

  it('text and json keep project-relative paths, as design.md defines them', () => {
    const json = JSON.parse(runCli(['validate', '--root', 'infra', '--format', 'json'], { cwd: repo }).stdout);
    const files = json.diagnostics.map((d: { file: string }) => d.file);
    expect(files).toContain('config/testing.yaml');
    for (const file of files) expect(file).not.toMatch(/^infra\//);
    expect(runCli(['validate', '--root', 'infra'], { cwd: repo }).stdout).toMatch(/^config\/testing\.yaml:\d+:\d+ error/m);
  });
});
