import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { afterAll, describe, expect, it } from 'vitest';
import { ProjectInvalidError, UnknownEnvironmentError } from '../../src/infra/program-errors';
import { projectCopy, removeProjectCopies } from './support/project-copy';
import { REPO, runWith, supplySecrets } from './support/shipped';

afterAll(removeProjectCopies);

const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

async function failureOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('the program ran although it should have refused');
}

describe('the program refuses to run', () => {
  it('on an invalid config, with exactly the diagnostics `terra-iac validate` prints', async () => {
    const root = projectCopy({ 'config/testing.yaml': (t) => t.replace('devId: acme-health-testing-Q7mK2p', 'devId: "!!"') });
    const error = await failureOf(runWith(root, 'testing', supplySecrets(REPO, 'testing')));
    expect(error).toBeInstanceOf(ProjectInvalidError);
    // A RunError: Pulumi prints its message without a stack trace (@pulumi/pulumi cmd/run).
    expect(pulumi.RunError.isInstance(error)).toBe(true);
    const report = (error as ProjectInvalidError).report;
    expect(report).toMatch(/^config\/testing\.yaml:8:10 error .*\[schema-value\]$/m);
    expect(error.message).not.toMatch(STACK_FRAME);

    expect(existsSync(join(REPO, 'dist', 'cli.js')), 'run `npm run build` first').toBe(true);
    const validate = spawnSync(process.execPath, [join(REPO, 'bin', 'terra-iac.js'), 'validate', '--env', 'testing'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
      encoding: 'utf8',
    });
    expect(validate.status).toBe(1);
    expect(report).toBe(validate.stdout);
  });

  it('when a secret value is missing, pointing at the reference and naming no value', async () => {
    const supplied = supplySecrets(REPO, 'testing');
    const withoutEnv = { ...supplied, env: {} };
    const error = await failureOf(runWith(REPO, 'testing', withoutEnv));
    expect(error).toBeInstanceOf(ProjectInvalidError);
    const [missing] = (error as ProjectInvalidError).diagnostics;
    expect(missing).toMatchObject({ ruleId: 'secret-value-missing', file: 'config/testing.yaml', line: 22, column: 32 });
    expect(error.message).toContain('STRAVA_CLIENT_SECRET_TESTING, which is not set');
    for (const value of Object.values(supplied.byPurpose)) expect(error.message).not.toContain(value);
  });

  it('when the stack names no environment that exists', async () => {
    const error = await failureOf(runWith(REPO, 'qa', supplySecrets(REPO, 'testing')));
    expect(error).toBeInstanceOf(UnknownEnvironmentError);
    expect(pulumi.RunError.isInstance(error)).toBe(true);
    expect(error.message).toMatch(/stack qa: unknown environment "qa": no config\/qa\.yaml/);
    expect(error.message).toContain('pulumi config set environment <env> --stack qa');
  });
});

describe('the program follows terra-iac:environment and the tier defaults', () => {
  it('deploys the environment the stack config names, under that stack', async () => {
    const supplied = supplySecrets(REPO, 'testing');
    const run = await runWith(REPO, 'sandbox', { ...supplied, config: { ...supplied.config, 'terra-iac:environment': 'testing' } });
    expect(run.outputs.environment?.value).toBe('testing');
    expect(run.resources.map((r) => r.name)).toContain('testing-terra-api-key');
  });

  it('keeps deleted production secrets 30 days when config/production.yaml declares no window', async () => {
    const root = projectCopy({ 'config/production.yaml': (t) => t.replace('  recoveryWindowInDays: 30\n', '') });
    const run = await runWith(root, 'production', supplySecrets(root, 'production'));
    const secrets = run.resources.filter((r) => r.type === 'aws:secretsmanager/secret:Secret');
    expect(secrets.length).toBeGreaterThan(0);
    for (const s of secrets) expect(s.inputs.recoveryWindowInDays, s.name).toBe(30);
  });
});
