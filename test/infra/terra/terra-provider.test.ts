import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CommonInputs } from '../../../src/infra/terra/terra-kind-common';
import { terraProvider } from '../../../src/infra/terra/terra-provider';
import { OPERATION_SCOPES, startLocalTerraAdmin, type LocalTerraAdmin } from '../../support/local-terra-admin';

const DEV_ID = 'acme-health-testing-Q7mK2p';
const CLIENT_SECRET = 'strava-secret-provider-test-Zq81';
const OTHER_SECRET = 'strava-secret-rotated-provider-Mw40';
const p = terraProvider;

let admin: LocalTerraAdmin;
let token: string;
const saved = process.env.TERRA_ADMIN_TOKEN;

beforeAll(async () => {
  admin = await startLocalTerraAdmin({ seed: { environments: { [DEV_ID]: { sources: ['fitbit'] } } } });
  token = admin.issueToken({ scopes: OPERATION_SCOPES });
});
afterAll(async () => {
  await admin.close();
});
beforeEach(() => {
  process.env.TERRA_ADMIN_TOKEN = token;
});
afterEach(() => {
  if (saved === undefined) delete process.env.TERRA_ADMIN_TOKEN;
  else process.env.TERRA_ADMIN_TOKEN = saved;
});

const common = (kind: CommonInputs['kind']) => ({ kind, environment: 'testing', devId: DEV_ID, adminBaseUrl: admin.baseUrl, providerVersion: 'test.1' });
const noSecrets = (value: unknown) => {
  const text = JSON.stringify(value);
  for (const secret of [CLIENT_SECRET, OTHER_SECRET, token]) expect(text).not.toContain(secret);
};
/** check → create → diff(outs, inputs) shows nothing to do. */
async function created(inputs: Record<string, unknown>) {
  const checked = await p.check!({}, inputs);
  expect(checked.failures).toEqual([]);
  const result = await p.create(checked.inputs);
  expect(await p.diff!(result.id, result.outs, inputs)).toMatchObject({ changes: false, replaces: [] });
  return result;
}

describe('the Terra provider against the local admin server', () => {
  it('source: enables, sees an out-of-band disable on read, re-enables on update, disables on delete', async () => {
    const inputs = { ...common('source'), provider: 'GARMIN', adminCode: 'garmin', enabled: true };
    const { id, outs } = await created(inputs);
    expect(id).toBe(`${DEV_ID}/sources/garmin`);
    expect(admin.state(DEV_ID).sources.garmin?.active).toBe(true);

    admin.mutate(DEV_ID, (s) => void (s.sources.garmin!.active = false));
    const read = await p.read!(id, outs);
    expect(read.props).toMatchObject({ enabled: false });
    expect(read.inputs).toMatchObject({ enabled: false, provider: 'GARMIN' });
    expect(await p.diff!(id, read.props, inputs)).toMatchObject({ changes: true, replaces: [] });
    const updated = await p.update!(id, read.props, inputs);
    expect(admin.state(DEV_ID).sources.garmin?.active).toBe(true);
    expect(await p.diff!(id, (await p.read!(id, updated.outs)).props, inputs)).toMatchObject({ changes: false });

    expect((await p.diff!(id, updated.outs, { ...inputs, adminCode: 'garmin2' })).replaces).toEqual(['adminCode']);
    await p.delete!(id, updated.outs);
    expect(admin.state(DEV_ID).sources.garmin?.active ?? false).toBe(false);
    // Deleting again: 404 or already off is fine.
    await p.delete!(id, updated.outs);
  });

  it('source: adopts an already enabled source without sending enableSource', async () => {
    const before = admin.requests.length;
    const { outs } = await created({ ...common('source'), provider: 'FITBIT', adminCode: 'fitbit', enabled: true });
    expect(outs).toMatchObject({ enabled: true });
    expect(admin.requests.slice(before).map((r) => r.operationId)).toEqual(['listSources']);
  });

  it('credentials: writes, keeps only a salted HMAC and the mask, detects a changed secret, drift and a secretVersion bump', async () => {
    const inputs = { ...common('credentials'), provider: 'STRAVA', adminCode: 'strava', clientId: 'acme-strava-1', clientSecret: CLIENT_SECRET, sandbox: true };
    const { id, outs } = await created(inputs);
    expect(admin.state(DEV_ID).credentials.strava).toMatchObject({ clientId: 'acme-strava-1', clientSecret: CLIENT_SECRET, sandbox: true });
    expect(outs).toMatchObject({ clientId: 'acme-strava-1', hasCredentials: true, clientSecretMasked: '****Zq81', verificationSecretHash: null });
    expect(outs.clientSecretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(outs.hashSalt).toMatch(/^[0-9a-f]{32}$/);
    noSecrets(outs);

    // Two resources with the same secret: different salts, different hashes.
    const twin = await p.create({ ...inputs, provider: 'STRAVA', adminCode: 'strava' });
    expect(twin.outs.hashSalt).not.toBe(outs.hashSalt);
    expect(twin.outs.clientSecretHash).not.toBe(outs.clientSecretHash);

    expect(await p.diff!(id, outs, { ...inputs, clientSecret: OTHER_SECRET })).toMatchObject({ changes: true, replaces: [] });
    expect(await p.diff!(id, outs, { ...inputs, secretVersion: 2 })).toMatchObject({ changes: true });
    expect(await p.diff!(id, outs, { ...inputs, verificationSecret: 'added' })).toMatchObject({ changes: true });

    // Re-entered in the dashboard: the mask changes, read reports drift, diff an update.
    admin.mutate(DEV_ID, (s) => void (s.credentials.strava!.clientSecret = 'dashboard-typed-9999'));
    const read = await p.read!(id, outs);
    expect(read.inputs).toBeUndefined();
    expect(read.props).toMatchObject({ drift: { clientId: false, secret: true, removed: false } });
    expect(await p.diff!(id, read.props, inputs)).toMatchObject({ changes: true });
    const updated = await p.update!(id, read.props, inputs);
    expect(admin.state(DEV_ID).credentials.strava?.clientSecret).toBe(CLIENT_SECRET);
    expect(updated.outs.hashSalt).toBe(outs.hashSalt);
    const again = await p.read!(id, updated.outs);
    expect(await p.diff!(id, again.props, inputs)).toMatchObject({ changes: false });
    noSecrets([updated, again]);

    // No API deletes credentials: delete leaves them in Terra.
    await p.delete!(id, updated.outs);
    expect(admin.state(DEV_ID).credentials.strava?.clientId).toBe('acme-strava-1');
  });

  it('scopes: sets, reads an out-of-band change, converges, clears on delete', async () => {
    const inputs = { ...common('scopes'), provider: 'GARMIN', adminCode: 'garmin', scopes: ['activity.read', 'sleep.read'] };
    const { id, outs } = await created(inputs);
    expect(admin.state(DEV_ID).customScopes.garmin).toEqual(['activity.read', 'sleep.read']);
    admin.mutate(DEV_ID, (s) => void (s.customScopes.garmin = ['activity.read']));
    const read = await p.read!(id, outs);
    expect(read.props).toMatchObject({ scopes: ['activity.read'] });
    expect(await p.diff!(id, read.props, inputs)).toMatchObject({ changes: true, replaces: [] });
    const updated = await p.update!(id, read.props, inputs);
    expect(await p.diff!(id, (await p.read!(id, updated.outs)).props, inputs)).toMatchObject({ changes: false });
    await p.delete!(id, updated.outs);
    expect(admin.state(DEV_ID).customScopes.garmin ?? []).toEqual([]);
  });

  it('webhook: creates with a signing secret, patches settings, replaces on a new URL, deletes (404 fine)', async () => {
    const url = 'https://hooks.testing.example/terra';
    const inputs = { ...common('webhook'), url, active: true, eventTypes: ['auth', 'deauth'] };
    const { id, outs } = await created(inputs);
    const live = admin.state(DEV_ID).destinations.find((d) => d.id === id)!;
    expect(live).toMatchObject({ url, active: true });
    expect(outs.signingSecret).toBe(live.signingSecret);
    expect(outs.adopted).toBe(false);

    admin.mutate(DEV_ID, (s) => void (s.destinations.find((d) => d.id === id)!.active = false));
    const read = await p.read!(id, outs);
    expect(read.props).toMatchObject({ active: false, signingSecret: live.signingSecret });
    expect(await p.diff!(id, read.props, inputs)).toMatchObject({ changes: true, replaces: [] });
    const updated = await p.update!(id, read.props, inputs);
    expect(updated.outs).toMatchObject({ active: true, signingSecret: live.signingSecret });
    expect(await p.diff!(id, (await p.read!(id, updated.outs)).props, inputs)).toMatchObject({ changes: false });

    expect(await p.diff!(id, updated.outs, { ...inputs, url: 'https://hooks.testing.example/terra2' })).toMatchObject({ changes: true, replaces: ['url'], deleteBeforeReplace: false });
    expect(await p.diff!(id, updated.outs, { ...inputs, url: 'https://HOOKS.testing.example/terra/' })).toMatchObject({ changes: false });
    const rotate = await p.diff!(id, { ...updated.outs, signingSecretVersion: 1 }, { ...inputs, signingSecretVersion: 2 });
    expect(rotate).toMatchObject({ changes: true, replaces: ['signingSecretVersion'], deleteBeforeReplace: true });

    await p.delete!(id, updated.outs);
    expect(admin.state(DEV_ID).destinations.some((d) => d.id === id)).toBe(false);
    await p.delete!(id, updated.outs);
    expect(await p.read!(id, updated.outs)).toEqual({});
  });

  it('webhook: adopts a destination with the same URL; no signing secret on create is an error that keeps the id', async () => {
    const url = 'https://hooks.testing.example/adopt';
    admin.mutate(DEV_ID, (s) => void s.destinations.push({ id: '777', type: 'webhook', url, active: false, eventTypes: null, signingSecret: 'seeded-signing-secret-Kp3' }));
    const { id, outs } = await created({ ...common('webhook'), url, active: true });
    expect(id).toBe('777');
    expect(outs).toMatchObject({ adopted: true, signingSecret: null, active: true });
    noSecrets(outs);
    expect(JSON.stringify(outs)).not.toContain('seeded-signing-secret-Kp3');

    admin.setFaults({ noSigningSecret: true });
    try {
      const error = await p.create({ ...common('webhook'), url: 'https://hooks.testing.example/no-secret', active: true }).then(
        () => undefined,
        (e: unknown) => e as Error & { id?: string; properties?: Record<string, unknown> },
      );
      expect(error?.message).toMatch(/created webhook destination \d+ but returned no signing_secret/);
      const made = admin.state(DEV_ID).destinations.find((d) => d.url === 'https://hooks.testing.example/no-secret')!;
      expect(error?.id).toBe(made.id);
      expect(error?.properties).toMatchObject({ destinationId: made.id, signingSecret: null });
    } finally {
      admin.setFaults({});
    }
  });

  it('undeclared: disables enabled sources config/ does not declare; keep leaves them and reports them', async () => {
    admin.mutate(DEV_ID, (s) => {
      s.sources.oura = { active: true };
      s.sources.polar = { active: true };
    });
    const keep = await created({ ...common('undeclared'), declared: ['fitbit', 'garmin', 'polar'], policy: 'keep' });
    expect(keep.outs).toMatchObject({ enabledUndeclared: ['oura'], disabled: [] });
    expect(admin.state(DEV_ID).sources.oura?.active).toBe(true);

    const inputs = { ...common('undeclared'), declared: ['fitbit', 'garmin', 'polar'], policy: 'disable' };
    expect(await p.diff!(keep.id, keep.outs, inputs)).toMatchObject({ changes: true });
    const guarded = await p.update!(keep.id, keep.outs, inputs);
    expect(guarded.outs).toMatchObject({ enabledUndeclared: [], disabled: ['oura'] });
    expect(admin.state(DEV_ID).sources.oura?.active ?? false).toBe(false);
    expect(admin.state(DEV_ID).sources.polar?.active).toBe(true);

    // Enabled again in the dashboard: refresh sees it, the next up disables it.
    admin.mutate(DEV_ID, (s) => void (s.sources.oura = { active: true }));
    const read = await p.read!(keep.id, guarded.outs);
    expect(read.props).toMatchObject({ enabledUndeclared: ['oura'] });
    expect(await p.diff!(keep.id, read.props, inputs)).toMatchObject({ changes: true });
  });

  it('check refuses an unknown kind and a bad base URL; diff treats unknown inputs as changes', async () => {
    const checked = await p.check!({}, { ...common('source'), kind: 'nope', adminBaseUrl: 'ftp://x' });
    expect(checked.failures?.map((f) => f.property)).toEqual(['kind', 'adminBaseUrl']);
    const keys = await p.check!({}, { ...common('credentials'), provider: 'STRAVA', adminCode: 'strava', clientId: '', clientSecret: '' });
    expect(keys.failures?.map((f) => f.property)).toEqual(['clientId', 'clientSecret']);
    const unknown = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';
    expect(await p.diff!('x', { ...common('webhook'), url: 'https://a.example' }, { ...common('webhook'), url: unknown })).toEqual({ changes: true, replaces: ['url'] });
  });

  it('sends the token only from process.env, at call time', async () => {
    delete process.env.TERRA_ADMIN_TOKEN;
    const error = await p.create({ ...common('source'), provider: 'GARMIN', adminCode: 'garmin', enabled: true }).then(() => undefined, (e: Error) => e);
    expect(error?.message).toContain('TERRA_ADMIN_TOKEN is not set');
    expect(admin.requests.every((r) => r.headers.authorization === `Bearer ${token}`)).toBe(true);
  });
});
