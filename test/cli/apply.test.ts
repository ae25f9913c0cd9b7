import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LocalTerraAdmin } from '../support/local-terra-admin';
import { ALL_SCOPES, DEV, READ_SCOPES, STRAVA_SECRET, cliEnv, leakedIn, project, runCliAsync, stackSecrets, startDrifted } from './admin-cli';
import { assertBuilt, copyProject, removeProjects, STACK_FRAME } from './helpers';

let admin: LocalTerraAdmin | undefined;
beforeAll(() => assertBuilt());
afterEach(async () => {
  await admin?.close();
  admin = undefined;
});
afterAll(() => removeProjects());

const WEBHOOK = 'https://hooks.testing.acme-health.example/terra/events';
const SIGNING_KEY = 'terra-iac:terraWebhookSigningSecret';
const cli = (command: 'apply' | 'drift', dir: string, env: Record<string, string>, ...extra: string[]) =>
  runCliAsync([command, '--env', 'testing', '--admin-base-url', admin!.baseUrl, ...extra], dir, env);
const mutations = (a: LocalTerraAdmin) => a.requests.filter((r) => r.method !== 'GET');

describe('terra-iac apply against the local admin server', () => {
  it('converges, stores the new signing secret in the stack, and a second apply changes nothing', async () => {
    admin = await startDrifted();
    const token = admin.issueToken({ scopes: ALL_SCOPES });
    const dir = project();
    const secretsBefore = stackSecrets(dir);
    const outputs: string[] = [];

    const first = await cli('apply', dir, cliEnv(token), '--yes');
    outputs.push(first.stdout, first.stderr);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('done: enableSource fitbit');
    expect(first.stdout).toContain(`done: createDestination ${WEBHOOK}`);
    expect(first.stdout).toMatch(/testing: 6 of 6 calls done; now in sync\n$/);

    const state = admin.state(DEV);
    expect(state.sources.fitbit?.active).toBe(true);
    expect(state.sources.whoop?.active).toBe(false);
    expect(state.credentials.strava).toMatchObject({ clientId: '118023', clientSecret: STRAVA_SECRET });
    expect(state.credentials.google?.clientSecret).toBe(secretsBefore['terra-iac:googleClientSecret']);
    expect(state.destinations).toHaveLength(1);
    const issued = state.destinations[0]!.signingSecret;
    const secretsAfter = stackSecrets(dir);
    expect(secretsAfter[SIGNING_KEY]).toBe(issued);
    expect(issued).not.toBe(secretsBefore[SIGNING_KEY]);
    // Every other line of the stack file is kept.
    expect(secretsAfter['terra-iac:terraApiKey']).toBe(secretsBefore['terra-iac:terraApiKey']);
    expect(readFileSync(join(dir, 'Pulumi.testing.yaml'), 'utf8')).toContain('# Stack for config/testing.yaml.');
    // Each mutation had its own Idempotency-Key.
    const keys = mutations(admin).map((r) => r.headers['idempotency-key']);
    expect(new Set(keys).size).toBe(keys.length);

    const drift = await cli('drift', dir, cliEnv(token));
    outputs.push(drift.stdout, drift.stderr);
    expect(drift.code).toBe(0);
    expect(drift.stdout).toMatch(/testing \(dev-id acme-health-testing-Q7mK2p\) in sync: 0 changes/);

    const sent = mutations(admin).length;
    const second = await cli('apply', dir, cliEnv(token), '--yes');
    outputs.push(second.stdout, second.stderr);
    expect(second.code).toBe(0);
    expect(mutations(admin)).toHaveLength(sent);
    expect(stackSecrets(dir)[SIGNING_KEY]).toBe(issued);

    expect(leakedIn(outputs, { token, STRAVA_SECRET, issued, ...secretsBefore })).toEqual([]);
  });

  it('--format json: the report on stdout, the preview on stderr', async () => {
    admin = await startDrifted();
    const token = admin.issueToken({ scopes: ALL_SCOPES });
    const result = await cli('apply', project(), cliEnv(token), '--yes', '--format', 'json');
    expect(result.code).toBe(0);
    const body = JSON.parse(result.stdout) as { inSync: boolean; calls: { label: string; status: string }[]; remaining: unknown[]; devId: string };
    expect(body).toMatchObject({ devId: DEV, inSync: true, remaining: [] });
    expect(body.calls.map((c) => c.status)).toEqual(Array(6).fill('done'));
    expect(body.calls.map((c) => c.label)).toContain('disableSource whoop');
    expect(result.stderr).toContain('~ source FITBIT: active false -> true');
  });

  it('without --yes off a terminal: prints the changes, exits 2, and sends no mutation', async () => {
    admin = await startDrifted();
    const token = admin.issueToken({ scopes: ALL_SCOPES });
    const result = await cli('apply', project(), cliEnv(token));
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('~ source FITBIT: active false -> true');
    expect(result.stderr).toContain('needs confirmation, but stdin is not a terminal');
    expect(result.stderr).toContain('--yes');
    expect(mutations(admin)).toEqual([]);
  });

  it('refuses before any call: read-only token, missing secret value, a signing secret it could not store', async () => {
    admin = await startDrifted();
    const dir = project();
    const reader = admin.issueToken({ scopes: READ_SCOPES });
    const readOnly = await cli('apply', dir, cliEnv(reader), '--yes');
    expect(readOnly.code).toBe(2);
    expect(readOnly.stderr).toContain('lacks the scopes destinations:write, providers:write');

    const token = admin.issueToken({ scopes: ALL_SCOPES });
    const noStrava = await cli('apply', dir, { TERRA_ADMIN_TOKEN: token, PULUMI_CONFIG_PASSPHRASE: 'terra-iac-demo-passphrase' }, '--yes');
    expect(noStrava.code).toBe(2);
    expect(noStrava.stderr).toContain('the client secret of STRAVA (the environment variable STRAVA_CLIENT_SECRET_TESTING)');

    const fromEnvDir = project();
    const file = join(fromEnvDir, 'config', 'testing.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('signingSecret: { fromStackConfig: terraWebhookSigningSecret }', 'signingSecret: { fromEnv: TERRA_WEBHOOK_SIGNING_SECRET }'));
    const fromEnv = await cli('apply', fromEnvDir, cliEnv(token), '--yes');
    expect(fromEnv.code).toBe(2);
    expect(fromEnv.stderr).toContain('points at the environment variable TERRA_WEBHOOK_SIGNING_SECRET, where terra-iac cannot store it');
    expect(mutations(admin)).toEqual([]);
    for (const r of [readOnly, noStrava, fromEnv]) {
      expect(r.stderr).not.toMatch(STACK_FRAME);
      expect(leakedIn([r.stdout, r.stderr], { token, reader, STRAVA_SECRET })).toEqual([]);
    }
  });

  it('a call failing beyond the retry budget exits 1 listing done and not done; a re-run converges', async () => {
    admin = await startDrifted({ faults: { serverError: { operations: ['createDestination'] } } });
    const token = admin.issueToken({ scopes: ALL_SCOPES });
    const dir = project();
    const failed = await cli('apply', dir, cliEnv(token), '--yes');
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('done: enableSource fitbit');
    expect(failed.stdout).toContain(`FAILED: createDestination ${WEBHOOK}`);
    expect(failed.stdout).toContain('not done: disableSource whoop');
    expect(admin.state(DEV).sources.whoop?.active).toBe(true);

    admin.setFaults({});
    const rerun = await cli('apply', dir, cliEnv(token), '--yes');
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toMatch(/now in sync\n$/);
    expect(stackSecrets(dir)[SIGNING_KEY]).toBe(admin.state(DEV).destinations[0]!.signingSecret);
    expect(leakedIn([failed.stdout, failed.stderr, rerun.stdout, rerun.stderr], { token, STRAVA_SECRET })).toEqual([]);
  });

  it('Terra returning no signing_secret is a partial failure that says what to do', async () => {
    admin = await startDrifted({ faults: { noSigningSecret: true } });
    const token = admin.issueToken({ scopes: ALL_SCOPES });
    const dir = project();
    const before = stackSecrets(dir)[SIGNING_KEY];
    const result = await cli('apply', dir, cliEnv(token), '--yes');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Terra returned no signing_secret, so nothing was stored at stack config terra-iac:terraWebhookSigningSecret');
    expect(result.stdout).toContain('not done: disableSource whoop');
    expect(stackSecrets(dir)[SIGNING_KEY]).toBe(before);
  });
});

describe('terra-iac apply with a rotation trigger', () => {
  it('records signingSecretVersion, and a bump replaces the destination and stores its new secret', async () => {
    admin = await startDrifted();
    const token = admin.issueToken({ scopes: ALL_SCOPES });
    const dir = copyProject({ 'config/testing.yaml': (t) => t.replace('  signingSecret: { fromStackConfig: terraWebhookSigningSecret }\n', '  signingSecret: { fromStackConfig: terraWebhookSigningSecret }\n  signingSecretVersion: 1\n') });
    const first = await cli('apply', dir, cliEnv(token), '--yes');
    expect(first.code).toBe(0);
    expect(readFileSync(join(dir, 'Pulumi.testing.yaml'), 'utf8')).toContain('terra-iac:appliedVersions:\n    signingSecretVersion: 1');
    const firstId = admin.state(DEV).destinations[0]!.id;

    const file = join(dir, 'config', 'testing.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('signingSecretVersion: 1', 'signingSecretVersion: 2'));
    const drift = await cli('drift', dir, cliEnv(token));
    expect(drift.code).toBe(1);
    expect(drift.stdout).toContain(`-/+ webhook ${WEBHOOK}: signing_secret_version 1 -> 2`);

    const rotated = await cli('apply', dir, cliEnv(token), '--yes');
    expect(rotated.code).toBe(0);
    const destinations = admin.state(DEV).destinations;
    expect(destinations).toHaveLength(1);
    expect(destinations[0]!.id).not.toBe(firstId);
    expect(stackSecrets(dir)[SIGNING_KEY]).toBe(destinations[0]!.signingSecret);
    expect(readFileSync(join(dir, 'Pulumi.testing.yaml'), 'utf8')).toContain('signingSecretVersion: 2');

    const validate = await runCliAsync(['validate', '--env', 'testing'], dir, {});
    expect(validate.stdout + validate.stderr).not.toContain('appliedVersions');
    expect(validate.code).toBe(0);
    expect((await cli('drift', dir, cliEnv(token))).code).toBe(0);
  });
});
