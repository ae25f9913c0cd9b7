import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startLocalTerraAdmin, type LocalTerraAdmin } from '../support/local-terra-admin';
import { DEV, PASSPHRASE, cliEnv, leakedIn, runCliAsync, stackSecrets } from './admin-cli';
import { BIN, assertBuilt, baseEnv, copyProject, removeProjects, STACK_FRAME } from './helpers';

const ROTATE_SCOPES = ['account:write', 'keys:read'];
let admin: LocalTerraAdmin | undefined;

beforeAll(assertBuilt);
afterEach(async () => {
  await admin?.close();
  admin = undefined;
});
afterAll(removeProjects);

/** A copy of the shipped project and a local Terra whose API key is the one Pulumi.testing.yaml holds. */
async function setup(edits: Parameters<typeof copyProject>[0] = {}) {
  const dir = copyProject(edits);
  const oldKey = stackSecrets(copyProject())['terra-iac:terraApiKey']!;
  admin = await startLocalTerraAdmin({ seed: { environments: { [DEV]: { apiKey: oldKey } } } });
  const token = admin.issueToken({ scopes: ROTATE_SCOPES });
  const stackBefore = readFileSync(join(dir, 'Pulumi.testing.yaml'), 'utf8');
  return { dir, oldKey, token, stackBefore, admin };
}

const rotateCalls = (server: LocalTerraAdmin) => server.requests.filter((r) => r.operationId === 'rotateEnvironmentApiKey').length;

describe('terra-iac rotate-api-key', () => {
  it('rotates through the admin API, stores the new key encrypted at terra.apiKey and never prints it', async () => {
    const { dir, oldKey, token, stackBefore, admin: server } = await setup();
    const before = stackSecrets(dir);
    const result = await runCliAsync(['rotate-api-key', '--env', 'testing', '--yes', '--admin-base-url', server.baseUrl], dir, cliEnv(token));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const newKey = server.state(DEV).apiKey;
    expect(newKey).not.toBe(oldKey);
    expect(rotateCalls(server)).toBe(1);

    // The stack file holds the new key under the passphrase, and every other value as it was.
    const after = stackSecrets(dir);
    expect(after['terra-iac:terraApiKey']).toBe(newKey);
    expect({ ...after, 'terra-iac:terraApiKey': undefined }).toEqual({ ...before, 'terra-iac:terraApiKey': undefined });
    const stackAfter = readFileSync(join(dir, 'Pulumi.testing.yaml'), 'utf8');
    const changed = stackAfter.split('\n').filter((line, i) => line !== stackBefore.split('\n')[i]);
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatch(/^ {4}secure: v1:/);

    expect(result.stdout).toContain(`Rotated the Terra API key of testing (dev-id ${DEV})`);
    expect(result.stdout).toContain('Pulumi.testing.yaml at terra-iac:terraApiKey');
    expect(result.stdout).toContain('Next: pulumi up --stack testing, so AWS Secrets Manager (acme-health/terra/testing/terra-api-key) holds the new key');
    expect(result.stdout).toMatch(/401 from Terra's data API/);
    expect(leakedIn([result.stdout, result.stderr, stackAfter], { token, oldKey, newKey })).toEqual([]);
  });

  it('refuses (exit 2) without calling Terra when terra.apiKey is a fromEnv reference', async () => {
    const { dir, token, stackBefore, admin: server } = await setup({
      'config/testing.yaml': (t) => t.replace('apiKey: { fromStackConfig: terraApiKey }', 'apiKey: { fromEnv: TERRA_API_KEY_TESTING }'),
    });
    const result = await runCliAsync(['rotate-api-key', '--env', 'testing', '--yes', '--admin-base-url', server.baseUrl], dir, cliEnv(token, { TERRA_API_KEY_TESTING: 'env-held-key-1234' }));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('points at the environment variable TERRA_API_KEY_TESTING, where terra-iac cannot store the new key');
    expect(result.stderr).toContain('nothing was rotated');
    expect(server.requests).toEqual([]);
    expect(readFileSync(join(dir, 'Pulumi.testing.yaml'), 'utf8')).toBe(stackBefore);
    expect(leakedIn([result.stdout, result.stderr], { token, env: 'env-held-key-1234' })).toEqual([]);
  });

  it('refuses (exit 2) without calling Terra when there is no passphrase, or it does not open the stack', async () => {
    const { dir, token, stackBefore, admin: server } = await setup();
    const env = cliEnv(token);
    delete env.PULUMI_CONFIG_PASSPHRASE;
    const none = await runCliAsync(['rotate-api-key', '--env', 'testing', '--yes', '--admin-base-url', server.baseUrl], dir, env);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('PULUMI_CONFIG_PASSPHRASE is not set');
    const wrong = await runCliAsync(['rotate-api-key', '--env', 'testing', '--yes', '--admin-base-url', server.baseUrl], dir, cliEnv(token, { PULUMI_CONFIG_PASSPHRASE: 'not-the-passphrase' }));
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('does not open Pulumi.testing.yaml');
    expect(rotateCalls(server)).toBe(0);
    expect(readFileSync(join(dir, 'Pulumi.testing.yaml'), 'utf8')).toBe(stackBefore);
    expect(leakedIn([none.stdout, none.stderr, wrong.stdout, wrong.stderr], { token, PASSPHRASE })).toEqual([]);
  });

  it('refuses (exit 2) a stack whose secrets provider it cannot encrypt for', async () => {
    const { dir, token, admin: server } = await setup();
    // Only the provider line changes: the validator does not decrypt for a cloud KMS stack, so it still loads.
    const stack = join(dir, 'Pulumi.testing.yaml');
    writeFileSync(stack, readFileSync(stack, 'utf8').replace('secretsprovider: passphrase', 'secretsprovider: awskms://alias/terra-iac?region=eu-west-1'));
    const result = await runCliAsync(['rotate-api-key', '--env', 'testing', '--yes', '--admin-base-url', server.baseUrl], dir, cliEnv(token));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('terra-iac can only encrypt for passphrase stacks');
    expect(rotateCalls(server)).toBe(0);
  });

  it('refuses (exit 2) without --yes when stdin is not a terminal, and with a token lacking keys:read', async () => {
    const { dir, token, stackBefore, admin: server } = await setup();
    const unconfirmed = await runCliAsync(['rotate-api-key', '--env', 'testing', '--admin-base-url', server.baseUrl], dir, cliEnv(token));
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain('needs confirmation, but stdin is not a terminal');
    expect(unconfirmed.stderr).toContain('--yes');

    const narrow = server.issueToken({ scopes: ['account:write'] });
    const scoped = await runCliAsync(['rotate-api-key', '--env', 'testing', '--yes', '--admin-base-url', server.baseUrl], dir, cliEnv(narrow));
    expect(scoped.code).toBe(2);
    expect(scoped.stderr).toContain('keys:read');
    expect(scoped.stderr).not.toMatch(STACK_FRAME);

    expect(rotateCalls(server)).toBe(0);
    expect(readFileSync(join(dir, 'Pulumi.testing.yaml'), 'utf8')).toBe(stackBefore);
    expect(leakedIn([unconfirmed.stdout, unconfirmed.stderr, scoped.stdout, scoped.stderr], { token, narrow })).toEqual([]);
  });

  it('a lost answer is retried with the same Idempotency-Key: the replayed key is the one stored', async () => {
    const { dir, oldKey, token, admin: server } = await setup();
    server.setFaults({ lostResponse: { operations: ['rotateEnvironmentApiKey'], times: 1 } });
    const result = await runCliAsync(['rotate-api-key', '--env', 'testing', '--yes', '--admin-base-url', server.baseUrl], dir, cliEnv(token));
    expect(result.code, result.stderr).toBe(0);
    const calls = server.requests.filter((r) => r.operationId === 'rotateEnvironmentApiKey');
    expect(calls).toHaveLength(2);
    expect(calls[1]!.headers['idempotency-key']).toBe(calls[0]!.headers['idempotency-key']);
    const newKey = server.state(DEV).apiKey;
    expect(stackSecrets(dir)['terra-iac:terraApiKey']).toBe(newKey);
    expect(leakedIn([result.stdout, result.stderr, readFileSync(join(dir, 'Pulumi.testing.yaml'), 'utf8')], { token, oldKey, newKey })).toEqual([]);
  });
});

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!hasScript)('terra-iac rotate-api-key at a terminal', () => {
  /** The CLI on a pseudo-terminal (util-linux `script`), with `answer` typed at its prompt. */
  function onTerminal(args: string[], cwd: string, env: Record<string, string>, answer: string): Promise<{ code: number | null; output: string }> {
    const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd, env: baseEnv(env) });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('[y/N]') && answer) {
        child.stdin.write(`${answer}\r`);
        answer = '';
      }
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    return new Promise((resolve) => child.on('close', (code) => (clearTimeout(killer), resolve({ code, output }))));
  }

  it('asks; "n" rotates nothing, "y" rotates and stores', async () => {
    const { dir, oldKey, token, admin: server } = await setup();
    const args = ['rotate-api-key', '--env', 'testing', '--admin-base-url', server.baseUrl];
    const no = await onTerminal(args, dir, cliEnv(token), 'n');
    expect(no.output).toContain(`Rotate the Terra API key of testing (dev-id ${DEV})? The current key stops working at once. [y/N]`);
    expect(no.code).toBe(2);
    expect(rotateCalls(server)).toBe(0);
    const yes = await onTerminal(args, dir, cliEnv(token), 'y');
    expect(yes.code).toBe(0);
    const newKey = server.state(DEV).apiKey;
    expect(stackSecrets(dir)['terra-iac:terraApiKey']).toBe(newKey);
    expect(leakedIn([no.output, yes.output], { token, oldKey, newKey })).toEqual([]);
  });
});
