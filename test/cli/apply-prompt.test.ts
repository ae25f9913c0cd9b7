import { spawn, spawnSync } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LocalTerraAdmin } from '../support/local-terra-admin';
import { ALL_SCOPES, DEV, cliEnv, project, startDrifted } from './admin-cli';
import { BIN, assertBuilt, baseEnv, removeProjects } from './helpers';

let admin: LocalTerraAdmin | undefined;
beforeAll(() => assertBuilt());
afterEach(async () => {
  await admin?.close();
  admin = undefined;
});
afterAll(() => removeProjects());

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

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

describe.skipIf(!hasScript)('terra-iac apply at a terminal', () => {
  it('asks, and "n" changes nothing', async () => {
    admin = await startDrifted();
    const token = admin.issueToken({ scopes: ALL_SCOPES });
    const result = await onTerminal(['apply', '--env', 'testing', '--admin-base-url', admin.baseUrl], project(), cliEnv(token), 'n');
    expect(result.output).toContain(`Apply these changes to testing (dev-id ${DEV})? [y/N]`);
    expect(result.output).toContain('apply was not confirmed');
    expect(result.code).toBe(2);
    expect(admin.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('asks, and "y" applies', async () => {
    admin = await startDrifted();
    const token = admin.issueToken({ scopes: ALL_SCOPES });
    const result = await onTerminal(['apply', '--env', 'testing', '--admin-base-url', admin.baseUrl], project(), cliEnv(token), 'y');
    expect(result.output).toContain('now in sync');
    expect(result.code).toBe(0);
    expect(admin.state(DEV).sources.fitbit?.active).toBe(true);
  });
});
