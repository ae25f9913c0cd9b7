import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LocalTerraAdmin } from '../support/local-terra-admin';
import { ALL_SCOPES, DEV, READ_SCOPES, STRAVA_SECRET, cliEnv, leakedIn, project, runCliAsync, stackSecrets, startDrifted } from './admin-cli';
import { assertBuilt, removeProjects, STACK_FRAME } from './helpers';

let admin: LocalTerraAdmin | undefined;
beforeAll(() => assertBuilt());
afterEach(async () => {
  await admin?.close();
  admin = undefined;
});
afterAll(() => removeProjects());

const drift = (dir: string, env: Record<string, string>, ...extra: string[]) =>
  runCliAsync(['drift', '--env', 'testing', '--admin-base-url', admin!.baseUrl, ...extra], dir, env);

describe('terra-iac drift against the local admin server', () => {
  it('exits 1 and lists the drift, sending GET requests only', async () => {
    admin = await startDrifted();
    const token = admin.issueToken({ scopes: READ_SCOPES });
    const dir = project();
    const result = await drift(dir, cliEnv(token));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines).toContain('~ source FITBIT: active false -> true');
    expect(lines).toContain('~ source WHOOP: active true -> false');
    expect(lines).toContain('~ credentials STRAVA: client_id 999999 -> 118023, client_secret [secret] -> [changed]');
    expect(lines).toContain('+ credentials GOOGLE: client_id (none) -> 40211-testing.apps.googleusercontent.com, client_secret (none) -> [secret]');
    expect(lines.some((l) => l.startsWith('+ scopes GOOGLE: scopes [] -> ['))).toBe(true);
    expect(lines).toContain('+ webhook https://hooks.testing.acme-health.example/terra/events: url (none) -> https://hooks.testing.acme-health.example/terra/events, active (none) -> true, event_types (none) -> [all]');
    expect(result.stdout).toContain('Unverifiable:');
    expect(result.stdout).toContain('Not appliable:');
    expect(result.stdout).toMatch(/testing \(dev-id acme-health-testing-Q7mK2p\) differs: 6 changes, \d+ unverifiable, \d+ not appliable\n$/);
    const methods = new Set(admin.requests.map((r) => r.method));
    expect([...methods]).toEqual(['GET']);
    expect(admin.requests.map((r) => r.operationId)).toContain('getSourceCredentials');
    const secrets = { token, STRAVA_SECRET, ...stackSecrets(dir) };
    expect(leakedIn([result.stdout, result.stderr], secrets)).toEqual([]);
  });

  it('--format json is the contract shape', async () => {
    admin = await startDrifted();
    const token = admin.issueToken({ scopes: READ_SCOPES });
    const result = await drift(project(), cliEnv(token), '--format', 'json');
    expect(result.code).toBe(1);
    const body = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['environment', 'devId', 'inSync', 'changes', 'unverifiable', 'notAppliable']);
    expect(body).toMatchObject({ environment: 'testing', devId: DEV, inSync: false });
    expect(body.changes).toContainEqual({ object: 'source', key: 'FITBIT', action: 'enable', fields: [{ name: 'active', from: false, to: true }] });
    for (const change of body.changes as object[]) expect(Object.keys(change)).toEqual(['object', 'key', 'action', 'fields']);
  });

  it('401, 403 scope_missing, no base URL and no token exit 2 with the fix', async () => {
    admin = await startDrifted();
    const dir = project();
    const reader = admin.issueToken({ scopes: ['providers:read'] });
    const missing = await drift(dir, cliEnv(reader));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('lacks the scope destinations:read');
    expect(missing.stderr).toContain('terra login --scope destinations:read --scope providers:read');

    const token = admin.issueToken({ scopes: ALL_SCOPES });
    admin.setFaults({ missingScope: 'providers:read' });
    const refused = await drift(dir, cliEnv(token));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/lacks the scope providers:read|scope/);
    expect(refused.stderr).toContain('terra login');

    // GET /me claims the scope, but the read itself is refused: still exit 2 with the fix, not "unverifiable".
    admin.setFaults({
      missingScope: 'destinations:read',
      corruptResponse: (operation, _status, body) => (operation === 'getMe' ? { ...(body as object), scopes: ALL_SCOPES } : body),
    });
    const lying = await drift(dir, cliEnv(token));
    expect(lying.code).toBe(2);
    expect(lying.stderr).toContain('was refused: TERRA_ADMIN_TOKEN lacks the scope destinations:read');
    expect(lying.stderr).toContain('terra login --scope destinations:read');

    admin.setFaults({ unauthorized: true });
    const unauthorized = await drift(dir, cliEnv(token));
    expect(unauthorized.code).toBe(2);
    expect(unauthorized.stderr).toContain('does not accept TERRA_ADMIN_TOKEN');
    admin.setFaults({});

    const noUrl = await runCliAsync(['drift', '--env', 'testing'], dir, cliEnv(token));
    expect(noUrl.code).toBe(2);
    expect(noUrl.stderr).toContain('no admin API base URL');
    const noToken = await drift(dir, {});
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('TERRA_ADMIN_TOKEN is not set');
    for (const r of [missing, refused, lying, unauthorized, noUrl, noToken]) {
      expect(r.stderr).not.toMatch(STACK_FRAME);
      expect(leakedIn([r.stdout, r.stderr], { token, reader })).toEqual([]);
    }
  });
});
