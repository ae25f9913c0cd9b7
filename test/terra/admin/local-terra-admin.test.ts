import { afterEach, describe, expect, it } from 'vitest';
import { DEV_ID, OTHER_DEV_ID, T0, advanceClock, call, closeAdmin, envPath, startAdmin } from './admin-helpers';

/** Auth, problem+json, casing, masks and the dev-id audience of the local admin server, over real HTTP. */

afterEach(closeAdmin);

const SOURCES = envPath('/unified-api/sources');

describe('authentication and scopes', () => {
  it('answers 401 unauthorized as problem+json without a bearer, with the spec fields and no `status`', async () => {
    const admin = await startAdmin();
    const res = await call(admin, 'GET', `${SOURCES}?x=1`);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.json).toEqual({
      type: 'about:blank',
      title: 'unauthorized',
      instance: `/api/v3/admin${SOURCES}?x=1`,
      code: 'unauthorized',
      detail: 'missing bearer token',
      remediation: expect.stringContaining('device flow'),
    });
  });

  it('answers 401 unauthorized to an unknown bearer and to a data-plane token', async () => {
    const admin = await startAdmin();
    const unknown = await call(admin, 'GET', '/me', { token: 'terra_at_not-issued' });
    expect(unknown.json).toMatchObject({ code: 'unauthorized', detail: 'unknown access token' });
    const dataToken = admin.issueToken({ scopes: ['providers:read'], kind: 'data' });
    expect(dataToken.startsWith('terra_dt_')).toBe(true);
    const data = await call(admin, 'GET', SOURCES, { token: dataToken });
    expect([data.status, data.json.code]).toEqual([401, 'unauthorized']);
  });

  it('answers 401 token_expired once the injected clock passes expires_at', async () => {
    const admin = await startAdmin();
    const token = admin.issueToken({ scopes: ['providers:read'], expiresAt: new Date(T0.getTime() + 60_000).toISOString() });
    expect((await call(admin, 'GET', SOURCES, { token })).status).toBe(200);
    advanceClock(60_000);
    const res = await call(admin, 'GET', SOURCES, { token });
    expect([res.status, res.json.code, res.json.title]).toEqual([401, 'token_expired', 'unauthorized']);
  });

  it('answers 403 scope_missing naming the scope the operation needs', async () => {
    const admin = await startAdmin();
    const token = admin.issueToken({ scopes: ['providers:read'] });
    const res = await call(admin, 'PUT', `${SOURCES}/garmin`, { token });
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({ title: 'forbidden', code: 'scope_missing', detail: 'token is missing the required scope: providers:write' });
    expect(res.json.remediation).toContain('providers:write');
    expect(admin.state(DEV_ID).sources).toEqual({});
  });

  it('names both scopes rotateEnvironmentApiKey requires (account:write and keys:read)', async () => {
    const admin = await startAdmin();
    const token = admin.issueToken({ scopes: ['account:read'] });
    const res = await call(admin, 'POST', envPath('/api-key/rotate'), { token });
    expect(res.json.detail).toBe('token is missing the required scopes: account:write, keys:read');
  });

  it('answers a dev-id outside the audience exactly like an unknown one: 404 dev_id_not_found (no existence oracle)', async () => {
    const admin = await startAdmin();
    const token = admin.issueToken({ scopes: ['providers:read'], devIds: [DEV_ID] });
    expect((await call(admin, 'GET', SOURCES, { token })).status).toBe(200);
    const outside = await call(admin, 'GET', envPath('/unified-api/sources', OTHER_DEV_ID), { token });
    const missing = await call(admin, 'GET', envPath('/unified-api/sources', 'no-such-dev'), { token });
    expect([outside.status, outside.json.code]).toEqual([404, 'dev_id_not_found']);
    const { instance: _a, ...outsideRest } = outside.json;
    const { instance: _b, ...missingRest } = missing.json;
    expect(outsideRest).toEqual(missingRest);
  });

  it("answers 403 audience_restricted instead when configured", async () => {
    const admin = await startAdmin({ audience: 'restricted' });
    const token = admin.issueToken({ scopes: ['providers:read'], devIds: [DEV_ID] });
    const res = await call(admin, 'GET', envPath('/unified-api/sources', OTHER_DEV_ID), { token });
    expect([res.status, res.json.code]).toEqual([403, 'audience_restricted']);
  });

  it('answers GET /me scope-free; `user` only with account:read', async () => {
    const admin = await startAdmin();
    const bare = admin.issueToken({ scopes: [], devIds: [DEV_ID], expiresAt: null });
    const me = await call(admin, 'GET', '/me', { token: bare });
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ kind: 'admin', scopes: [], dev_ids: [DEV_ID], expires_at: null, user: null, staff: false, last_used_at: T0.toISOString() });
    const reader = admin.issueToken({ scopes: ['account:read'] });
    const withUser = await call(admin, 'GET', '/me', { token: reader });
    expect(withUser.json.user).toMatchObject({ company_id: 'cus_local01' });
    expect(withUser.json.expires_at).toBe(new Date(T0.getTime() + 2_592_000_000).toISOString());
    expect(withUser.json.dev_ids).toBeNull();
  });

  it('serves the 401, 403-scope and 404-dev-id faults to a valid token', async () => {
    const admin = await startAdmin();
    const token = admin.issueToken({ scopes: ['providers:read', 'providers:write'] });
    admin.setFaults({ unauthorized: true });
    expect((await call(admin, 'GET', SOURCES, { token })).json.code).toBe('unauthorized');
    admin.setFaults({ missingScope: 'providers:read' });
    expect((await call(admin, 'GET', SOURCES, { token })).json.detail).toBe('token is missing the required scope: providers:read');
    admin.setFaults({ devIdNotFound: true });
    expect((await call(admin, 'GET', SOURCES, { token })).json.code).toBe('dev_id_not_found');
    admin.setFaults({});
    expect((await call(admin, 'GET', SOURCES, { token })).status).toBe(200);
  });

  it('answers 404 not_found to a path the spec does not have', async () => {
    const admin = await startAdmin();
    const res = await call(admin, 'GET', envPath('/unified-api/nothing'), { token: admin.issueToken({ scopes: [] }) });
    expect([res.status, res.json.code, res.json.title]).toEqual([404, 'not_found', 'not found']);
  });
});

describe('provider-code casing', () => {
  it('insensitive (default): accepts GARMIN and answers lowercase', async () => {
    const admin = await startAdmin();
    const token = admin.issueToken({ scopes: ['providers:read', 'providers:write'] });
    const res = await call(admin, 'PUT', `${SOURCES}/GARMIN`, { token });
    expect(res.json).toEqual({ provider: 'garmin', active: true });
    expect((await call(admin, 'GET', SOURCES, { token })).json.data).toEqual([{ provider: 'garmin', active: true }]);
  });

  it('lowercase-only: an upper-case code is 404 not_found and changes nothing', async () => {
    const admin = await startAdmin({ casing: 'lowercase-only' });
    const token = admin.issueToken({ scopes: ['providers:write'] });
    const upper = await call(admin, 'PUT', `${SOURCES}/GARMIN`, { token });
    expect([upper.status, upper.json.code]).toEqual([404, 'not_found']);
    expect(admin.state(DEV_ID).sources).toEqual({});
    expect((await call(admin, 'PUT', `${SOURCES}/garmin`, { token })).status).toBe(200);
  });

  it('a closed provider catalogue makes unknown codes 404 not_found', async () => {
    const admin = await startAdmin({ providers: ['garmin', 'oura'] });
    const token = admin.issueToken({ scopes: ['providers:write'] });
    expect((await call(admin, 'PUT', `${SOURCES}/oura`, { token })).status).toBe(200);
    expect((await call(admin, 'PUT', `${SOURCES}/fitbit`, { token })).json.code).toBe('not_found');
  });
});

describe('masked secrets', () => {
  const SECRET = 'garmin-client-secret-Vq9876';

  it('credentials: null and terra_owned until set, then the mask `****` + last 4 and never the secret', async () => {
    const admin = await startAdmin();
    const token = admin.issueToken({ scopes: ['providers:read', 'providers:write'] });
    const before = await call(admin, 'GET', `${SOURCES}/garmin/credentials`, { token });
    expect(before.json).toEqual({ provider: 'garmin', has_credentials: false, terra_owned: true, credential: null });
    const put = await call(admin, 'PUT', `${SOURCES}/garmin/credentials`, { token, body: { client_id: 'acme-garmin-oauth', client_secret: SECRET } });
    const after = await call(admin, 'GET', `${SOURCES}/garmin/credentials`, { token });
    for (const res of [put, after]) {
      expect(res.json).toEqual({ provider: 'garmin', has_credentials: true, terra_owned: false, credential: { provider_client_id: 'acme-garmin-oauth', provider_client_secret_masked: '****9876' } });
      expect(res.text).not.toContain(SECRET);
    }
    expect(admin.state(DEV_ID).credentials.garmin?.clientSecret).toBe(SECRET);
  });

  it('the environment detail masks the API key and signing secret the same way', async () => {
    const admin = await startAdmin({ seed: { environments: { [DEV_ID]: { apiKey: 'legacy-key-k2Qw', signingSecret: 'env-secret-9xLm' } } } });
    const res = await call(admin, 'GET', envPath(), { token: admin.issueToken({ scopes: ['account:read'] }) });
    expect(res.json).toMatchObject({ api_key_masked: '****k2Qw', signing_secret_masked: '****9xLm' });
    expect(res.text).not.toContain('legacy-key-k2Qw');
  });

  it('constant-mask mode answers `****` whatever the secret', async () => {
    const admin = await startAdmin({ mask: 'constant' });
    const token = admin.issueToken({ scopes: ['providers:write'] });
    const put = await call(admin, 'PUT', `${SOURCES}/garmin/credentials`, { token, body: { client_id: 'id', client_secret: SECRET } });
    expect(put.json.credential.provider_client_secret_masked).toBe('****');
  });

  it('getEnvironmentApiKey discloses the key (keys:read); rotate replaces it and the mask follows', async () => {
    const admin = await startAdmin({ seed: { environments: { [DEV_ID]: { apiKey: 'legacy-key-k2Qw' } } } });
    const token = admin.issueToken({ scopes: ['keys:read', 'account:write', 'account:read'] });
    expect((await call(admin, 'GET', envPath('/api-key'), { token })).json).toMatchObject({ dev_id: DEV_ID, api_key: 'legacy-key-k2Qw' });
    const rotated = await call(admin, 'POST', envPath('/api-key/rotate'), { token });
    expect(rotated.json.api_key).not.toBe('legacy-key-k2Qw');
    expect(admin.state(DEV_ID).apiKey).toBe(rotated.json.api_key);
    const detail = await call(admin, 'GET', envPath(), { token });
    expect(detail.json.api_key_masked).toBe(`****${String(rotated.json.api_key).slice(-4)}`);
  });
});

describe('environment profile', () => {
  it('createEnvironmentProfile is get-or-create: 201, then 200 with the row unchanged', async () => {
    const admin = await startAdmin({ seed: { environments: { [DEV_ID]: { profile: null } } } });
    const token = admin.issueToken({ scopes: ['account:write', 'account:read'] });
    expect((await call(admin, 'GET', envPath(), { token })).json.profile).toBeNull();
    const created = await call(admin, 'POST', '/environments', { token, body: { dev_id: DEV_ID, name: 'Acme (testing)' } });
    expect([created.status, created.json.profile.name, created.json.profile.billable]).toEqual([201, 'Acme (testing)', false]);
    const again = await call(admin, 'POST', '/environments', { token, body: { dev_id: DEV_ID, name: 'Other' } });
    expect([again.status, again.json.profile.name]).toEqual([200, 'Acme (testing)']);
    const unknown = await call(admin, 'POST', '/environments', { token, body: { dev_id: 'nope' } });
    expect(unknown.json.code).toBe('dev_id_not_found');
  });

  it('patchEnvironmentProfile changes only what it is given; an empty body is 400 (minProperties)', async () => {
    const admin = await startAdmin({ seed: { environments: { [DEV_ID]: { profile: { name: 'Old', billable: true } } } } });
    const token = admin.issueToken({ scopes: ['account:write'] });
    const res = await call(admin, 'PATCH', envPath(), { token, body: { name: 'New' } });
    expect(res.json.profile).toMatchObject({ name: 'New', billable: true, dev_id: DEV_ID });
    const empty = await call(admin, 'PATCH', envPath(), { token, body: {} });
    expect([empty.status, empty.json.code, empty.json.errors]).toEqual([400, 'validation_failed', ['body: at least 1 field is required']]);
    const extra = await call(admin, 'PATCH', envPath(), { token, body: { active: false } });
    expect(extra.json.errors).toEqual(['active: is not allowed']);
  });

  it('lists only the dev-ids in the token audience', async () => {
    const admin = await startAdmin();
    const token = admin.issueToken({ scopes: ['account:read'], devIds: [OTHER_DEV_ID] });
    const res = await call(admin, 'GET', '/environments', { token });
    expect(res.json.data.map((d: { dev_id: string }) => d.dev_id)).toEqual([OTHER_DEV_ID]);
  });
});
