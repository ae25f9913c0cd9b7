import { afterEach, describe, expect, it } from 'vitest';
import { adminCode } from '../../../src/catalog/admin-codes';
import { TerraAdminClient } from '../../../src/terra/admin/client';
import { fakeClock } from '../../support/fake-clock';
import { startLocalTerraAdmin, type LocalTerraAdmin, type LocalTerraAdminOptions, type TokenSpec } from '../../support/local-terra-admin';

const DEV = 'acme-testing-app';
const ALL = ['providers:read', 'providers:write', 'destinations:read', 'destinations:write', 'dataconfig:read', 'dataconfig:write', 'account:read', 'events:read'];
let admin: LocalTerraAdmin | undefined;
afterEach(async () => {
  // close() rejects if the fake itself broke the spec's contract.
  await admin?.close();
  admin = undefined;
});

async function setup(options: LocalTerraAdminOptions = {}, token: TokenSpec = { scopes: ALL }) {
  admin = await startLocalTerraAdmin({ seed: { environments: { [DEV]: { sources: ['garmin'] } } }, ...options });
  const TERRA_ADMIN_TOKEN = admin.issueToken(token);
  const clock = fakeClock();
  const client = new TerraAdminClient({ baseUrl: admin.baseUrl, env: { TERRA_ADMIN_TOKEN }, clock, random: () => 0.5 });
  return { admin, client, clock, token: TERRA_ADMIN_TOKEN };
}

describe('TerraAdminClient against the stateful local admin server', () => {
  it('preflights, reads and converges sources, credentials and a destination', async () => {
    const { admin: a, client, token } = await setup({ casing: 'lowercase-only' });
    const { warnings } = await client.preflight(DEV, ['listSources', 'enableSource', 'setSourceCredentials', 'createDestination', 'listDestinations']);
    expect(warnings).toEqual([]);
    expect((await client.listSources(DEV)).sources).toEqual([{ provider: 'garmin', active: true }]);
    await client.enableSource(DEV, adminCode('OURA'));
    expect(a.state(DEV).sources.oura).toMatchObject({ active: true });
    const written = await client.setSourceCredentials(DEV, adminCode('GARMIN'), { client_id: 'acme-garmin', client_secret: 'garmin-secret-0042' });
    expect(written.credential).toEqual({ provider_client_id: 'acme-garmin', provider_client_secret_masked: '****0042' });
    const created = await client.createDestination(DEV, { url: 'https://hooks.acme.example/terra', event_types: ['activity'] });
    expect(created.signing_secret).toBeTruthy();
    expect((await client.listDestinations(DEV)).map((d) => d.url)).toEqual(['https://hooks.acme.example/terra']);
    expect(a.contractViolations).toEqual([]);
    for (const request of a.requests) expect(request.headers.authorization).toBe(`Bearer ${token}`);
  });

  it('a lost response is retried with the same Idempotency-Key, and Terra acts once', async () => {
    const { admin: a, client } = await setup({ faults: { lostResponse: { times: 1, operations: ['createDestination'] } } });
    const created = await client.createDestination(DEV, { url: 'https://hooks.acme.example/once' });
    expect(created.url).toBe('https://hooks.acme.example/once');
    const posts = a.requests.filter((r) => r.operationId === 'createDestination');
    expect(posts).toHaveLength(2);
    expect(posts[0]!.headers['idempotency-key']).toBe(posts[1]!.headers['idempotency-key']);
    expect(a.state(DEV).destinations).toHaveLength(1);
  });

  it('waits out a 429 with Retry-After (on the virtual clock)', async () => {
    const { admin: a, client, clock } = await setup({ faults: { rateLimit: { times: 1, retryAfterSeconds: 2, operations: ['enableSource'] } } });
    await client.enableSource(DEV, 'polar');
    expect(clock.sleeps).toContain(2000);
    expect(a.requests.filter((r) => r.operationId === 'enableSource')).toHaveLength(2);
  });

  it('refuses a list whose server ignores the cursor', async () => {
    const { client } = await setup({ seed: { environments: { [DEV]: { sources: ['garmin', 'oura', 'polar'] } } }, faults: { pageSize: 1, cursorIgnored: true } });
    await expect(client.listSources(DEV)).rejects.toMatchObject({ kind: 'truncated', message: expect.stringContaining('repeats a cursor') });
  });

  it('names a missing scope, both in the preflight and in the answer', async () => {
    const { client } = await setup({}, { scopes: ['providers:read'] });
    await expect(client.preflight(DEV, ['enableSource'])).rejects.toMatchObject({ reason: 'scope-missing', message: 'TERRA_ADMIN_TOKEN lacks the scope providers:write that this run needs' });
    await expect(client.enableSource(DEV, 'oura')).rejects.toMatchObject({ code: 'scope_missing', exitKind: 'auth', message: expect.stringContaining('lacks the scope providers:write') });
  });

  it('refuses a data token before sending, and an audience that leaves the dev-id out', async () => {
    const { admin: a } = await setup();
    const data = new TerraAdminClient({ baseUrl: a.baseUrl, env: { TERRA_ADMIN_TOKEN: a.issueToken({ scopes: [], kind: 'data' }) } });
    const before = a.requests.length;
    await expect(data.getMe()).rejects.toMatchObject({ reason: 'data-token' });
    expect(a.requests).toHaveLength(before);
    const elsewhere = new TerraAdminClient({ baseUrl: a.baseUrl, env: { TERRA_ADMIN_TOKEN: a.issueToken({ scopes: ALL, devIds: ['acme-production-app'] }) } });
    await expect(elsewhere.preflight(DEV, ['listSources'])).rejects.toMatchObject({ reason: 'audience' });
  });

  it('read-only mode sends nothing to the fake for a mutation', async () => {
    const { admin: a } = await setup();
    const drift = new TerraAdminClient({ baseUrl: a.baseUrl, env: { TERRA_ADMIN_TOKEN: a.issueToken({ scopes: ALL }) }, readOnly: true });
    await expect(drift.disableSource(DEV, 'garmin')).rejects.toMatchObject({ reason: 'read-only' });
    expect(a.requests).toHaveLength(0);
    expect(a.state(DEV).sources.garmin).toMatchObject({ active: true });
  });
});
