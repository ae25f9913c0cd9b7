import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { TerraAdminClient } from '../../../src/terra/admin/client';
import { BODY_LIMITS } from '../../../src/terra/http/body-limits';
import { rssGrowthDuring, startRawServer, streamForever, type RawServer } from '../../support/raw-http-server';
import { ADMIN_TOKEN, DEV_ID, adminClient, json, problem, rejection, startAdminServer, type AdminTestServer } from './admin-test-server';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function admin(routes: Parameters<typeof startAdminServer>[0]): Promise<AdminTestServer> {
  const s = await startAdminServer(routes);
  closers.push(() => s.close());
  return s;
}

const env = `/environments/${DEV_ID}`;
const everything = (error: Error & { hint?: string }) => `${error.message}\n${error.hint ?? ''}\n${error.stack}\n${inspect(error)}`;

describe('the admin token stays where it belongs', () => {
  it('is read at call time from the env object, so a rotated token is used at once', async () => {
    const s = await admin({ 'GET /me': (h, res) => json(res, 200, { kind: 'admin', token_id: String(h.headers.authorization) }) });
    const environment: Record<string, string | undefined> = { TERRA_ADMIN_TOKEN: ADMIN_TOKEN };
    const { client } = adminClient(s.baseUrl, { env: environment });
    await client.getMe();
    environment.TERRA_ADMIN_TOKEN = 'terra_at_rotated-Zz11';
    await client.getMe();
    expect(s.hits.map((h) => h.headers.authorization)).toEqual([`Bearer ${ADMIN_TOKEN}`, 'Bearer terra_at_rotated-Zz11']);
  });

  it('is not on the client: serializing or inspecting it shows neither the token nor the env', () => {
    const client = new TerraAdminClient({ baseUrl: 'https://admin.example/api/v3/admin', env: { TERRA_ADMIN_TOKEN: ADMIN_TOKEN, OTHER_SECRET: 'other-Zq' } });
    for (const text of [JSON.stringify(client), inspect(client, { depth: 10, showHidden: true })]) {
      expect(text).not.toContain(ADMIN_TOKEN);
      expect(text).not.toContain('other-Zq');
    }
  });

  it('never appears in an error, whatever the server echoes back', async () => {
    const s = await admin({
      'GET /me': (_h, res) => problem(res, 401, 'unauthorized', `unknown access token ${ADMIN_TOKEN}`, { remediation: `drop ${ADMIN_TOKEN}`, errors: [`authorization: Bearer ${ADMIN_TOKEN}`] }),
      [`GET ${env}`]: (_h, res) => problem(res, 500, 'internal_error', `boom ${encodeURIComponent(ADMIN_TOKEN)}`),
      [`PUT ${env}/unified-api/sources/garmin/credentials`]: (_h, res) => problem(res, 400, 'validation_failed', 'bad client_secret garmin-secret-Hh5', { errors: ['client_secret: garmin-secret-Hh5 is too short'] }),
    });
    const { client } = adminClient(s.baseUrl);
    const errors = [
      await rejection(client.getMe()),
      await rejection(client.getEnvironment(DEV_ID)),
      await rejection(client.setSourceCredentials(DEV_ID, 'garmin', { client_id: 'id', client_secret: 'garmin-secret-Hh5' })),
    ];
    expect(errors[0]!.message).toContain('[REDACTED]');
    for (const error of errors) {
      expect(everything(error)).not.toContain(ADMIN_TOKEN);
      expect(everything(error)).not.toContain(encodeURIComponent(ADMIN_TOKEN));
      expect(everything(error)).not.toContain('garmin-secret-Hh5');
    }
  });

  it('is not sent to another origin: a cross-origin redirect is refused and that server sees no Authorization', async () => {
    const elsewhere: RawServer = await startRawServer((_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end('{"kind":"admin"}'));
    closers.push(() => elsewhere.close());
    const s = await admin({ 'GET /me': (_h, res) => void res.writeHead(302, { location: `${elsewhere.origin}/api/v3/admin/me` }).end() });
    const { client } = adminClient(s.baseUrl);
    const error = await rejection(client.getMe());
    expect(error).toMatchObject({ kind: 'redirect', targetHost: `127.0.0.1:${elsewhere.port}` });
    expect(elsewhere.requests).toHaveLength(0);
    expect(s.hits).toHaveLength(1);
    expect(everything(error)).not.toContain(ADMIN_TOKEN);
  });

  it('refuses a missing token, a data token and a token with a line break before sending anything', async () => {
    const s = await admin({ 'GET /me': (_h, res) => json(res, 200, { kind: 'admin' }) });
    const missing = await rejection(adminClient(s.baseUrl, { env: {} }).client.getMe());
    expect(missing).toMatchObject({ reason: 'token-missing', exitKind: 'auth', message: 'TERRA_ADMIN_TOKEN is not set, and the admin API needs an admin token' });
    const data = await rejection(adminClient(s.baseUrl, { env: { TERRA_ADMIN_TOKEN: 'terra_dt_dataToken-Pp2' } }).client.getMe());
    expect(data).toMatchObject({ reason: 'data-token', exitKind: 'auth' });
    expect(data.message).toContain('holds a data token (terra_dt_…), which authenticates the data API only');
    expect(everything(data)).not.toContain('terra_dt_dataToken-Pp2');
    const newline = await rejection(adminClient(s.baseUrl, { env: { TERRA_ADMIN_TOKEN: `${ADMIN_TOKEN}\n` } }).client.getMe());
    expect(newline).toMatchObject({ kind: 'local', attempts: 1, exitKind: 'config' });
    expect(newline.message).toBe('GET /me (getMe) was not sent: the admin token (TERRA_ADMIN_TOKEN) contains a line break (CR or LF), often a trailing newline copied along with the value');
    expect(everything(newline)).not.toContain(ADMIN_TOKEN);
    expect(s.hits).toHaveLength(0);
  });

  it('caps an admin answer: an endless body fails once, with bounded memory', async () => {
    const s = await admin({ [`GET ${env}/unified-api/sources`]: (_h, res) => streamForever(res, Buffer.alloc(64 * 1024, ' ')) });
    const { client } = adminClient(s.baseUrl);
    const { result: error, growthBytes } = await rssGrowthDuring(() => rejection(client.listSources(DEV_ID)));
    expect(error).toMatchObject({ kind: 'too-large', limitBytes: BODY_LIMITS.adminApi, attempts: 1 });
    expect(s.hits).toHaveLength(1);
    expect(growthBytes).toBeLessThan(64 * 1024 * 1024);
  });
});
