import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { AdminSeed } from '../../support/local-terra-admin';
import { REPO, STACK_FRAME, baseEnv } from '../../cli/helpers';
import { FAULT_NAMES, combineFaults, faultSetting } from '../../support/local-terra-admin/cli-faults';

/** local-terra-admin-cli.ts as a process: one JSON line when listening, faults and seeds from flags. */

const CLI = ['scripts/run-ts.js', 'test/support/local-terra-admin-cli.ts'];
const dir = mkdtempSync(join(tmpdir(), 'terra-admin-cli-'));
let child: ChildProcessWithoutNullStreams | undefined;

afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Started {
  baseUrl: string;
  token: string;
  exit: Promise<{ code: number | null; stderr: string }>;
}

function start(args: string[]): Promise<Started> {
  const proc = spawn(process.execPath, [...CLI, ...args], { cwd: REPO, env: baseEnv() });
  child = proc;
  let stdout = '';
  let stderr = '';
  proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exit = new Promise<{ code: number | null; stderr: string }>((resolve) => proc.on('close', (code) => resolve({ code, stderr })));
  return new Promise((resolve, reject) => {
    proc.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const newline = stdout.indexOf('\n');
      if (newline !== -1) resolve({ ...(JSON.parse(stdout.slice(0, newline)) as { baseUrl: string; token: string }), exit });
    });
    void exit.then(({ code }) => reject(new Error(`exited ${code} before listening: ${stderr}`)));
  });
}

describe('local-terra-admin-cli', () => {
  it('prints {baseUrl, token}, serves the seed, and applies --fault 429 until SIGTERM', async () => {
    const seed: AdminSeed = { environments: { 'acme-cli-dev': { sources: ['garmin', 'oura'] } } };
    const file = join(dir, 'seed.json');
    writeFileSync(file, JSON.stringify(seed));
    const server = await start(['--port', '0', '--fault', '429', '--seed', file]);
    expect(server.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v3\/admin$/);
    expect(server.token).toMatch(/^terra_at_/);
    const headers = { authorization: `Bearer ${server.token}` };
    const sources = `${server.baseUrl}/environments/acme-cli-dev/unified-api/sources`;
    const limited = await fetch(sources, { headers });
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '1']);
    const listed = await fetch(sources, { headers });
    expect(((await listed.json()) as { data: Array<{ provider: string }> }).data.map((s) => s.provider)).toEqual(['garmin', 'oura']);
    // The fault limits the first request of every path once: /me too.
    expect((await fetch(`${server.baseUrl}/me`, { headers })).status).toBe(429);
    const me = (await (await fetch(`${server.baseUrl}/me`, { headers })).json()) as { scopes: string[]; expires_at: string | null };
    expect(me.scopes).toContain('providers:write');
    expect(me.expires_at).toBeNull();
    child!.kill('SIGTERM');
    expect((await server.exit).code).toBe(0);
  });

  it('narrows the token with --scopes and --dev-ids', async () => {
    const server = await start(['--scopes', 'providers:read', '--dev-ids', 'acme-health-testing-Q7mK2p']);
    const res = await fetch(`${server.baseUrl}/environments/acme-health-testing-Q7mK2p/unified-api/sources/garmin`, { method: 'PUT', headers: { authorization: `Bearer ${server.token}` } });
    expect([res.status, ((await res.json()) as { detail: string }).detail]).toEqual([403, 'token is missing the required scope: providers:write']);
  });

  it.each([
    [['--seed', join(dir, 'missing.json')], /cannot read --seed .*missing\.json: ENOENT/],
    [['--seed', join(dir, 'bad.json')], /--seed .*bad\.json is not valid JSON/],
    [['--fault', 'teapot'], /unknown --fault "teapot"; one of 401, /],
  ])('refuses %j with exit 2 and a one-line reason, no stack trace', (args, message) => {
    writeFileSync(join(dir, 'bad.json'), '{"environments": ');
    const result = spawnSync(process.execPath, [...CLI, ...args], { cwd: REPO, env: baseEnv(), encoding: 'utf8', timeout: 20_000 });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });
});

describe('the --fault menu', () => {
  it('maps each name to server options and faults, merging repeated flags', () => {
    expect(combineFaults(['lowercase-only', 'paginate:3', 'dup-url-409', '403-scope:events:read'])).toEqual({
      options: { casing: 'lowercase-only' },
      faults: { pageSize: 3, duplicateUrlConflict: true, missingScope: 'events:read' },
    });
    expect(faultSetting('403-scope')).toEqual({ faults: { missingScope: 'providers:write' } });
    expect(faultSetting('lost-response')).toEqual({ faults: { lostResponse: { times: 1, operations: ['createDestination'] } } });
    for (const name of FAULT_NAMES) expect(() => faultSetting(name.replace('[:SCOPE]', '').replace(':N', ':2'))).not.toThrow();
    expect(() => faultSetting('paginate:0')).toThrow('--fault paginate:N needs a positive integer N, got "0"');
  });
});
