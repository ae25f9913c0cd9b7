import { afterEach, describe, expect, it } from 'vitest';
import { DEV_ID, call, closeAdmin, envPath, startAdmin } from './admin-helpers';

/** The server's state semantics: full replace, validation and refusals, destinations and their signing secret. */

afterEach(closeAdmin);

const SOURCES = envPath('/unified-api/sources');
const DESTINATIONS = envPath('/unified-api/destinations');
const DATA_SCOPES = envPath('/unified-api/scopes');
const ALL = ['providers:read', 'providers:write', 'destinations:read', 'destinations:write', 'dataconfig:read', 'dataconfig:write', 'events:read'];

describe('full-replace semantics', () => {
  it('PUT credentials clears redirect_url, sandbox and verification_secret when left out', async () => {
    const admin = await startAdmin();
    const token = admin.issueToken({ scopes: ALL });
    const full = { client_id: 'id-1', client_secret: 'secret-1111', redirect_url: 'https://acme.example/cb', sandbox: true, verification_secret: 'verify-2222' };
    await call(admin, 'PUT', `${SOURCES}/garmin/credentials`, { token, body: full });
    expect(admin.state(DEV_ID).credentials.garmin).toEqual({ clientId: 'id-1', clientSecret: 'secret-1111', redirectUrl: 'https://acme.example/cb', sandbox: true, verificationSecret: 'verify-2222' });
    await call(admin, 'PUT', `${SOURCES}/garmin/credentials`, { token, body: { client_id: 'id-1', client_secret: 'secret-3333' } });
    expect(admin.state(DEV_ID).credentials.garmin).toEqual({ clientId: 'id-1', clientSecret: 'secret-3333' });
  });

  it('PUT scopes replaces the list, and an empty list clears it back to []', async () => {
    const admin = await startAdmin({ seed: { environments: { [DEV_ID]: { customScopes: { GARMIN: ['read:activity'] } } } } });
    const token = admin.issueToken({ scopes: ALL });
    expect((await call(admin, 'GET', `${SOURCES}/garmin/scopes`, { token })).json).toEqual({ provider: 'garmin', scopes: ['read:activity'] });
    const set = await call(admin, 'PUT', `${SOURCES}/garmin/scopes`, { token, body: { scopes: ['read:sleep', 'read:body'] } });
    expect(set.json.scopes).toEqual(['read:sleep', 'read:body']);
    await call(admin, 'PUT', `${SOURCES}/garmin/scopes`, { token, body: { scopes: [] } });
    expect((await call(admin, 'GET', `${SOURCES}/garmin/scopes`, { token })).json).toEqual({ provider: 'garmin', scopes: [] });
    expect(admin.state(DEV_ID).customScopes).toEqual({});
  });

  it('PUT widget config nulls omitted fields; the deployment decides which config field is served and accepted', async () => {
    const admin = await startAdmin({ seed: { environments: { [DEV_ID]: { widget: { widgetName: 'Acme', appLogo: 'https://cdn.example/logo.png', widgetConfigUrl: 'https://w.example/c.json' } } } } });
    const token = admin.issueToken({ scopes: ALL });
    const put = await call(admin, 'PUT', envPath('/unified-api/widget/config'), { token, body: { widget_name: 'Acme Connect' } });
    expect(put.json).toEqual({ widget: { widget_config_url: null, widget_name: 'Acme Connect', app_logo: null } });
    const refused = await call(admin, 'PUT', envPath('/unified-api/widget/config'), { token, body: { widget_config: { theme: 'dark' } } });
    expect([refused.status, refused.json.errors]).toEqual([400, ['widget_config: not accepted on this deployment, which serves widget_config_url']]);
  });

  it('environments-release deployments serve and accept the inline widget_config instead', async () => {
    const admin = await startAdmin({ widgetDeployment: 'environments' });
    const token = admin.issueToken({ scopes: ALL });
    const put = await call(admin, 'PUT', envPath('/unified-api/widget/config'), { token, body: { widget_config: { theme: 'dark' }, app_logo: 'https://cdn.example/l.png' } });
    expect(put.json).toEqual({ widget: { widget_config: { theme: 'dark' }, widget_name: null, app_logo: 'https://cdn.example/l.png' } });
  });

  it('PUT data types deselects what it leaves out, keeps ATHLETE and maps SAMPLES to the flag', async () => {
    const admin = await startAdmin({ seed: { environments: { [DEV_ID]: { dataTypes: ['ACTIVITY', 'SLEEP', 'BODY'] } } } });
    const token = admin.issueToken({ scopes: ALL });
    const res = await call(admin, 'PUT', DATA_SCOPES, { token, body: { scopes: ['SLEEP', ' ', 'SAMPLES'] } });
    expect(res.json).toEqual({ scopes: ['ATHLETE', 'SLEEP'], samples_enabled: true });
    const cleared = await call(admin, 'PUT', DATA_SCOPES, { token, body: { scopes: [] } });
    expect(cleared.json).toEqual({ scopes: ['ATHLETE'], samples_enabled: false });
    expect((await call(admin, 'GET', DATA_SCOPES, { token })).json.data).toEqual([{ data_type: 'athlete', fields: [], samples_enabled: false }]);
  });

  it('PATCH data fields replaces one type\'s field list', async () => {
    const admin = await startAdmin({ seed: { environments: { [DEV_ID]: { dataTypes: ['ACTIVITY'], fields: { activity: ['steps', 'calories'] } } } } });
    const token = admin.issueToken({ scopes: ALL });
    const res = await call(admin, 'PATCH', DATA_SCOPES, { token, body: { data_type: 'activity', fields: ['distance_metres'] } });
    expect(res.json).toEqual({ data_type: 'activity', fields: ['distance_metres'], samples_enabled: false });
    const list = await call(admin, 'GET', DATA_SCOPES, { token });
    expect(list.json.data).toContainEqual({ data_type: 'activity', fields: ['distance_metres'], samples_enabled: false });
  });
});

describe('validation and refusals', () => {
  it('400 validation_failed with field errors for each body the spec constrains', async () => {
    const admin = await startAdmin();
    const token = admin.issueToken({ scopes: ALL });
    const cases: Array<[string, string, unknown, string[]]> = [
      ['PUT', `${SOURCES}/garmin/credentials`, { client_id: 'x' }, ['client_secret: is required']],
      ['POST', DESTINATIONS, { event_types: ['activity'] }, ['url: is required']],
      ['POST', DESTINATIONS, { url: 'http://acme.example/hook' }, ['url: must be an https URL']],
      ['POST', DESTINATIONS, { url: 'https://acme.example/hook', event_types: ['activity', 'steps'] }, ['event_types[1]: unknown event type "steps"']],
      ['PUT', DATA_SCOPES, { scopes: ['ACTIVITY', 'STEPS'] }, ['scopes[1]: unrecognised data type "STEPS"']],
      ['PUT', DATA_SCOPES, { scopes: ['ACTIVITY'], extra: 1 }, ['extra: is not allowed']],
      ['PATCH', envPath('/unified-api/processing'), { type: 'xml' }, ['type: must be one of json, fit, fhir']],
      ['PUT', `${SOURCES}/garmin/scopes`, { scopes: 'read:activity' }, ['scopes: must be array']],
    ];
    for (const [method, path, body, errors] of cases) {
      const res = await call(admin, method, path, { token, body });
      expect([res.status, res.json.code, res.json.errors], `${method} ${path} ${JSON.stringify(body)}`).toEqual([400, 'validation_failed', errors]);
    }
    const notJson = await call(admin, 'POST', DESTINATIONS, { token, rawBody: '{"url": ' });
    expect(notJson.json.errors).toEqual(['body: is not valid JSON']);
    expect(admin.state(DEV_ID).destinations).toEqual([]);
  });

  it('HEALTH_OBSERVATION is 403 access_denied without the entitlement, accepted with it', async () => {
    const without = await startAdmin();
    const res = await call(without, 'PUT', DATA_SCOPES, { token: without.issueToken({ scopes: ALL }), body: { scopes: ['HEALTH_OBSERVATION'] } });
    expect([res.status, res.json.code]).toEqual([403, 'access_denied']);
    await closeAdmin();
    const entitled = await startAdmin({ entitlements: ['health_observation'] });
    const ok = await call(entitled, 'PUT', DATA_SCOPES, { token: entitled.issueToken({ scopes: ALL }), body: { scopes: ['HEALTH_OBSERVATION'] } });
    expect(ok.json.scopes).toEqual(['ATHLETE', 'HEALTH_OBSERVATION']);
  });

  it('422 unsupported_operation for a provider that takes no custom credentials', async () => {
    const admin = await startAdmin({ noCustomCredentials: ['OURA'] });
    const res = await call(admin, 'PUT', `${SOURCES}/oura/credentials`, { token: admin.issueToken({ scopes: ALL }), body: { client_id: 'a', client_secret: 'b' } });
    expect([res.status, res.json.title, res.json.code]).toEqual([422, 'unprocessable entity', 'unsupported_operation']);
    expect(admin.state(DEV_ID).credentials).toEqual({});
  });

  it('a second destination on one URL is allowed by default and 409 conflict when configured', async () => {
    const body = { url: 'https://acme.example/hook' };
    const allow = await startAdmin();
    const token = allow.issueToken({ scopes: ALL });
    await call(allow, 'POST', DESTINATIONS, { token, body });
    expect((await call(allow, 'POST', DESTINATIONS, { token, body })).status).toBe(201);
    allow.setFaults({ duplicateUrlConflict: true });
    const refused = await call(allow, 'POST', DESTINATIONS, { token, body });
    expect([refused.status, refused.json.code]).toEqual([409, 'conflict']);
    expect(allow.state(DEV_ID).destinations).toHaveLength(2);
  });
});

describe('destinations and the signing secret', () => {
  it('returns signing_secret in the 201 only: never in the list or a PATCH', async () => {
    const admin = await startAdmin();
    const token = admin.issueToken({ scopes: ALL });
    const created = await call(admin, 'POST', DESTINATIONS, { token, body: { url: 'https://acme.example/hook', event_types: ['activity', 'sleep'] } });
    expect(created.status).toBe(201);
    const secret = created.json.signing_secret as string;
    expect(secret).toMatch(/^[\w-]{32}$/);
    expect(created.json).toMatchObject({ type: 'webhook', url: 'https://acme.example/hook', active: true, event_types: ['activity', 'sleep'] });
    // A string-encoded 64-bit id beyond Number.MAX_SAFE_INTEGER.
    expect(BigInt(created.json.id)).toBeGreaterThan(BigInt(Number.MAX_SAFE_INTEGER));
    const list = await call(admin, 'GET', DESTINATIONS, { token });
    const patched = await call(admin, 'PATCH', `${DESTINATIONS}/${created.json.id}`, { token, body: { active: false } });
    expect(patched.json).toEqual({ id: created.json.id, type: 'webhook', url: 'https://acme.example/hook', active: false, event_types: ['activity', 'sleep'] });
    for (const res of [list, patched]) expect(res.text).not.toContain(secret);
    expect(admin.state(DEV_ID).destinations[0]?.signingSecret).toBe(secret);
  });

  it('leaves event_types out of the summary when created without them ("everything")', async () => {
    const admin = await startAdmin();
    const token = admin.issueToken({ scopes: ALL });
    const created = await call(admin, 'POST', DESTINATIONS, { token, body: { url: 'https://acme.example/all' } });
    expect('event_types' in created.json).toBe(false);
    expect(admin.state(DEV_ID).destinations[0]?.eventTypes).toBeNull();
  });

  it('the no-signing-secret fault creates the destination but omits the secret', async () => {
    const admin = await startAdmin({ faults: { noSigningSecret: true } });
    const created = await call(admin, 'POST', DESTINATIONS, { token: admin.issueToken({ scopes: ALL }), body: { url: 'https://acme.example/hook' } });
    expect(created.status).toBe(201);
    expect('signing_secret' in created.json).toBe(false);
    expect(admin.state(DEV_ID).destinations.map((d) => d.id)).toEqual([created.json.id]);
  });

  it('PATCH and DELETE of an unknown id are 404 not_found', async () => {
    const admin = await startAdmin();
    const token = admin.issueToken({ scopes: ALL });
    expect((await call(admin, 'PATCH', `${DESTINATIONS}/1`, { token, body: { active: true } })).json.code).toBe('not_found');
    expect((await call(admin, 'DELETE', `${DESTINATIONS}/1`, { token })).json.code).toBe('not_found');
  });
});
