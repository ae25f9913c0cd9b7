import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, DEV_ID, adminClient, json, startAdminServer, type AdminTestServer } from './admin-test-server';

let s: AdminTestServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const page = (data: unknown[]) => ({ data, has_more: false, next_cursor: null });
const env = `/environments/${DEV_ID}`;

describe('TerraAdminClient operations (paths, methods, bodies and answers from admin-api.yaml)', () => {
  it('reads: getMe, getEnvironment, listSources with its Terra-Notice, credentials, scopes, destinations, data config, widget', async () => {
    s = await startAdminServer({
      'GET /me': (_h, res) => json(res, 200, { token_id: 't1', kind: 'admin', scopes: ['providers:read'], dev_ids: null, expires_at: null }),
      [`GET ${env}`]: (_h, res) => json(res, 200, { dev_id: DEV_ID, name: 'testing', api_key_masked: '****k2Qw', user_limit: 50, profile: null }),
      [`GET ${env}/unified-api/sources`]: (_h, res) =>
        json(res, 200, page([{ provider: 'garmin', active: true, auth_redirect_url: 'https://api.acme.example/cb' }, { provider: 'oura', active: true }]), { 'terra-notice': 'unified-api providers only; LAB_REPORTS omitted' }),
      [`GET ${env}/unified-api/sources/garmin/credentials`]: (_h, res) =>
        json(res, 200, { provider: 'garmin', has_credentials: true, terra_owned: false, credential: { provider_client_id: 'acme-garmin', provider_client_secret_masked: '****9876' } }),
      [`GET ${env}/unified-api/sources/garmin/scopes`]: (_h, res) => json(res, 200, { provider: 'garmin', scopes: ['read:activity'] }),
      [`GET ${env}/unified-api/destinations`]: (_h, res) => json(res, 200, page([{ id: '1937251889234671616', type: 'webhook', url: 'https://hooks.acme.example/terra', active: true, event_types: ['activity'] }])),
      [`GET ${env}/unified-api/scopes`]: (_h, res) => json(res, 200, page([{ data_type: 'activity', fields: ['steps'], samples_enabled: false }])),
      [`GET ${env}/unified-api/processing`]: (_h, res) => json(res, 200, page([{ type: 'json', display_name: 'TERRA', selected: true }])),
      [`GET ${env}/unified-api/widget/config`]: (_h, res) => json(res, 200, { widget: { widget_config_url: null, widget_name: 'Acme Connect', app_logo: null } }),
    });
    const { client } = adminClient(s.baseUrl);
    expect((await client.getMe()).kind).toBe('admin');
    expect((await client.getEnvironment(DEV_ID)).user_limit).toBe(50);
    expect(await client.listSources(DEV_ID)).toEqual({
      sources: [{ provider: 'garmin', active: true, auth_redirect_url: 'https://api.acme.example/cb' }, { provider: 'oura', active: true }],
      notices: ['unified-api providers only; LAB_REPORTS omitted'],
    });
    expect((await client.getSourceCredentials(DEV_ID, 'garmin')).credential?.provider_client_secret_masked).toBe('****9876');
    expect((await client.getSourceScopes(DEV_ID, 'garmin')).scopes).toEqual(['read:activity']);
    expect((await client.listDestinations(DEV_ID))[0]!.id).toBe('1937251889234671616');
    expect((await client.listUnifiedApiScopes(DEV_ID))[0]!.data_type).toBe('activity');
    expect((await client.listProcessing(DEV_ID))[0]!.selected).toBe(true);
    expect((await client.getWidgetConfig(DEV_ID)).widget_name).toBe('Acme Connect');
    for (const hit of s.hits) {
      expect(hit.method).toBe('GET');
      expect(hit.headers.authorization).toBe(`Bearer ${ADMIN_TOKEN}`);
      expect(hit.headers['idempotency-key']).toBeUndefined();
    }
  });

  it('writes: enable, disable (and its dry run), credentials, scopes, destinations, data types and fields, processing, widget, api-key rotation', async () => {
    s = await startAdminServer({
      [`PUT ${env}/unified-api/sources/*`]: (h, res) => json(res, 200, { provider: h.path.split('/').pop(), active: true }),
      [`DELETE ${env}/unified-api/sources/*`]: (h, res) => (h.query.get('dry_run') === 'true' ? json(res, 200, { dry_run: true, would: 'disable', preview: { provider: 'oura' } }) : json(res, 204, undefined)),
      [`PUT ${env}/unified-api/sources/garmin/credentials`]: (_h, res) =>
        json(res, 200, { provider: 'garmin', has_credentials: true, terra_owned: false, credential: { provider_client_id: 'acme-garmin', provider_client_secret_masked: '****4321' } }),
      [`PUT ${env}/unified-api/sources/garmin/scopes`]: (h, res) => json(res, 200, { provider: 'garmin', ...(h.json as object) }),
      [`POST ${env}/unified-api/destinations`]: (h, res) => json(res, 201, { id: '42', type: 'webhook', active: true, ...(h.json as object), signing_secret: 'a4f8-shown-once' }),
      [`PATCH ${env}/unified-api/destinations/42`]: (h, res) => json(res, 200, { id: '42', type: 'webhook', url: 'https://hooks.acme.example/terra', active: true, ...(h.json as object) }),
      [`DELETE ${env}/unified-api/destinations/42`]: (_h, res) => json(res, 204, undefined),
      [`PUT ${env}/unified-api/scopes`]: (h, res) => json(res, 200, { scopes: ['ATHLETE', ...(h.json as { scopes: string[] }).scopes], samples_enabled: false }),
      [`PATCH ${env}/unified-api/scopes`]: (h, res) => json(res, 200, { ...(h.json as object), samples_enabled: false }),
      [`PATCH ${env}/unified-api/processing`]: (_h, res) => json(res, 200, page([{ type: 'fit', display_name: 'FIT', selected: true }])),
      [`PUT ${env}/unified-api/widget/config`]: (h, res) => json(res, 200, { widget: h.json }),
      [`POST ${env}/api-key/rotate`]: (_h, res) => json(res, 200, { dev_id: DEV_ID, api_key: 'new-key-shown-once' }),
    });
    const { client } = adminClient(s.baseUrl);
    expect(await client.enableSource(DEV_ID, 'garmin')).toEqual({ provider: 'garmin', active: true });
    expect(await client.disableSource(DEV_ID, 'oura')).toBeUndefined();
    expect(await client.disableSource(DEV_ID, 'oura', { dryRun: true })).toEqual({ dry_run: true, would: 'disable', preview: { provider: 'oura' } });
    const credentials = { client_id: 'acme-garmin', client_secret: 'garmin-client-secret-77', sandbox: false };
    expect((await client.setSourceCredentials(DEV_ID, 'garmin', credentials)).has_credentials).toBe(true);
    expect(await client.setSourceScopes(DEV_ID, 'garmin', [])).toEqual({ provider: 'garmin', scopes: [] });
    expect((await client.createDestination(DEV_ID, { url: 'https://hooks.acme.example/terra', event_types: ['activity'] })).signing_secret).toBe('a4f8-shown-once');
    expect((await client.patchDestination(DEV_ID, '42', { active: false })).active).toBe(false);
    expect(await client.deleteDestination(DEV_ID, '42')).toBeUndefined();
    expect((await client.putUnifiedApiScopes(DEV_ID, ['ACTIVITY', 'SLEEP'])).scopes).toEqual(['ATHLETE', 'ACTIVITY', 'SLEEP']);
    expect(await client.patchUnifiedApiScopes(DEV_ID, { data_type: 'activity', fields: ['steps'] })).toMatchObject({ data_type: 'activity', fields: ['steps'] });
    expect(await client.setProcessing(DEV_ID, 'fit')).toMatchObject({ data: [{ type: 'fit', selected: true }] });
    expect(await client.setWidgetConfig(DEV_ID, { widget_name: 'Acme', widget_config_url: null, app_logo: null })).toEqual({ widget_name: 'Acme', widget_config_url: null, app_logo: null });
    expect((await client.rotateEnvironmentApiKey(DEV_ID)).api_key).toBe('new-key-shown-once');

    const sent = s.hits.map((h) => `${h.method} ${h.path}${h.query.toString() ? `?${h.query}` : ''}`);
    expect(sent).toEqual([
      `PUT ${env}/unified-api/sources/garmin`,
      `DELETE ${env}/unified-api/sources/oura`,
      `DELETE ${env}/unified-api/sources/oura?dry_run=true`,
      `PUT ${env}/unified-api/sources/garmin/credentials`,
      `PUT ${env}/unified-api/sources/garmin/scopes`,
      `POST ${env}/unified-api/destinations`,
      `PATCH ${env}/unified-api/destinations/42`,
      `DELETE ${env}/unified-api/destinations/42`,
      `PUT ${env}/unified-api/scopes`,
      `PATCH ${env}/unified-api/scopes`,
      `PATCH ${env}/unified-api/processing`,
      `PUT ${env}/unified-api/widget/config`,
      `POST ${env}/api-key/rotate`,
    ]);
    expect(s.hits[3]!.json).toEqual(credentials);
    expect(s.hits[4]!.json).toEqual({ scopes: [] });
    expect(s.hits[8]!.json).toEqual({ scopes: ['ACTIVITY', 'SLEEP'] });
    expect(s.hits[10]!.json).toEqual({ type: 'fit' });
    for (const hit of s.hits) expect(hit.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(s.hits[3]!.headers['content-type']).toBe('application/json');
  });

  it('percent-encodes path segments', async () => {
    s = await startAdminServer({ [`PUT ${env}/unified-api/sources/*`]: (_h, res) => json(res, 200, { provider: 'x', active: true }) });
    const { client } = adminClient(s.baseUrl);
    await client.enableSource(DEV_ID, 'a/b?c');
    expect(s.hits[0]!.url).toBe(`/api/v3/admin${env}/unified-api/sources/a%2Fb%3Fc`);
  });

  it('refuses an answer that is not the spec\'s shape', async () => {
    s = await startAdminServer({ [`GET ${env}/unified-api/destinations`]: (_h, res) => json(res, 200, page([{ id: 42, url: 'x' }])) });
    const { client } = adminClient(s.baseUrl);
    await expect(client.listDestinations(DEV_ID)).rejects.toMatchObject({
      kind: 'malformed',
      message: `GET ${env}/unified-api/destinations (listDestinations) answered with an unexpected body: item 1: \`id\` is missing or not a string`,
    });
  });
});
