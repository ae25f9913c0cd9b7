import { afterEach, describe, expect, it } from 'vitest';
import { TerraAdminClient } from '../../../src/terra/admin/client';
import { diffTerraState } from '../../../src/terra/admin/diff';
import { readLiveState } from '../../../src/terra/admin/live';
import { fakeClock } from '../../support/fake-clock';
import { startLocalTerraAdmin, type AdminFaults, type LocalTerraAdmin } from '../../support/local-terra-admin';
import { DESIRED, HOOK, SECRETS, lookup } from './fixtures';

const DEV = DESIRED.devId;
const G = 'https://www.googleapis.com/auth/';
let admin: LocalTerraAdmin | undefined;
afterEach(async () => {
  await admin?.close();
  admin = undefined;
});

/** Terra holding exactly what DESIRED declares (plus an S3 destination, which is left alone). */
async function inSyncAdmin(faults: AdminFaults = {}) {
  admin = await startLocalTerraAdmin({
    faults,
    seed: {
      environments: {
        [DEV]: {
          sources: { garmin: { active: true }, google: { active: true }, oura: { active: true }, polar: { active: false } },
          credentials: {
            garmin: { clientId: 'acme-garmin', clientSecret: SECRETS['env:GARMIN_SECRET']!, verificationSecret: SECRETS['stack:garminVerificationSecret']! },
            google: { clientId: '40211-staging.apps.googleusercontent.com', clientSecret: SECRETS['stack:googleClientSecret']! },
          },
          customScopes: { google: [`${G}userinfo.profile`, `${G}calendar.settings.readonly`] },
          destinations: [
            { url: HOOK, type: 'webhook', active: true, eventTypes: ['sleep', 'activity'] },
            { url: 's3://acme-terra-payloads', type: 's3', active: true },
          ],
        },
      },
    },
  });
  const TERRA_ADMIN_TOKEN = admin.issueToken({ scopes: ['providers:read', 'destinations:read'] });
  const client = new TerraAdminClient({ baseUrl: admin.baseUrl, env: { TERRA_ADMIN_TOKEN }, readOnly: true, clock: fakeClock(), random: () => 0.5 });
  return { admin, client };
}

describe('readLiveState against the local admin server', () => {
  it('reads every declared or enabled source and the destinations with GET only, and finds them in sync', async () => {
    const { admin: a, client } = await inSyncAdmin();
    const observed = await readLiveState(client, DESIRED);
    expect(observed.unread).toBeUndefined();
    expect(observed.sources.map((s) => [s.provider, s.active])).toEqual(expect.arrayContaining([['garmin', true], ['polar', false]]));
    expect(observed.credentials.find((c) => c.provider === 'garmin')).toMatchObject({ hasCredentials: true, clientId: 'acme-garmin', secretMask: `****${SECRETS['env:GARMIN_SECRET']!.slice(-4)}` });
    expect(observed.destinations.map((d) => d.type).sort()).toEqual(['s3', 'webhook']);
    const diff = diffTerraState(DESIRED, observed, lookup);
    expect(diff.changes).toEqual([]);
    expect(diff.inSync).toBe(true);
    expect(new Set(a.requests.map((r) => r.method))).toEqual(new Set(['GET']));
    // Credentials and scopes of the enabled sources only: POLAR is declared off and off in Terra.
    const perSource = a.requests.filter((r) => r.operationId === 'getSourceCredentials' || r.operationId === 'getSourceScopes').map((r) => `${r.operationId} ${/sources\/([^/]+)\//.exec(r.path)?.[1]}`);
    expect(perSource.sort()).toEqual(['garmin', 'google', 'oura'].flatMap((p) => [`getSourceCredentials ${p}`, `getSourceScopes ${p}`]).sort());
  });

  it('a read that keeps failing becomes unread, and what it covers is unverifiable, never in sync', async () => {
    const { client } = await inSyncAdmin({ serverError: { operations: ['getSourceScopes', 'listDestinations'] } });
    const observed = await readLiveState(client, DESIRED);
    expect(observed.unread?.map((u) => `${u.object} ${u.key}`).sort()).toEqual(['scopes garmin', 'scopes google', 'scopes oura', 'webhook *']);
    expect(observed.unread?.[0]?.reason).toMatch(/^not read: /);
    const diff = diffTerraState(DESIRED, observed, lookup);
    expect(diff.changes).toEqual([]);
    expect(diff.unverifiable.filter((u) => u.object === 'scopes').map((u) => u.key).sort()).toEqual(['GARMIN', 'GOOGLE', 'OURA']);
    expect(diff.unverifiable).toContainEqual(expect.objectContaining({ object: 'webhook', key: HOOK }));
  });

  it('an answer that is not Terra refusing (no token) is thrown, not turned into unread', async () => {
    const { admin: a } = await inSyncAdmin();
    const client = new TerraAdminClient({ baseUrl: a.baseUrl, env: {}, readOnly: true, clock: fakeClock() });
    await expect(readLiveState(client, DESIRED)).rejects.toMatchObject({ reason: 'token-missing' });
  });
});
