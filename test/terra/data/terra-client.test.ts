import { afterEach, describe, expect, it } from 'vitest';
import { REDACTED, createRedactor } from '../../../src/terra/http/redact';
import { TerraApiClient } from '../../../src/terra/data/terra-client';
import { TerraCallError } from '../../../src/terra/http/terra-call-error';
import { startLocalTerra, type LocalTerraServer, type LocalTerraOptions } from '../../support/local-terra-server';
import { TESTING_DEV_ID } from '../../support/local-terra-server-data';

const API_KEY = 'client-test-key-Zq81xYv0';
let server: LocalTerraServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function clientFor(options: LocalTerraOptions = {}, baseUrl?: (s: LocalTerraServer) => string, key = API_KEY) {
  server = await startLocalTerra({ apiKey: API_KEY, ...options });
  const client = new TerraApiClient({ baseUrl: baseUrl ? baseUrl(server) : server.baseUrl, devId: TESTING_DEV_ID, apiKey: key, redact: createRedactor([key]) });
  return { client, server };
}

const budget = (ms = 5000) => ({ deadline: Date.now() + ms });
const requestsTo = (s: LocalTerraServer, path: string) => s.requests.filter((r) => r.path.split('?')[0]!.endsWith(path));

async function failure(promise: Promise<unknown>): Promise<TerraCallError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(TerraCallError);
  return error as TerraCallError;
}

describe('TerraApiClient against the local Terra server', () => {
  it('calls through the SDK with dev-id and x-api-key, on both hosts\' path prefixes', async () => {
    const { client, server: s } = await clientFor({}, (x) => `${x.origin}/api/v2`);
    const users = await client.countUsers(budget());
    expect(users).toEqual({ count: 12, basis: 'max-page' });
    const seen = requestsTo(s, '/subscriptions')[0]!;
    expect(seen.path).toBe('/api/v2/subscriptions?page=0&per_page=1');
    expect(seen.headers['dev-id']).toBe(TESTING_DEV_ID);
    expect(seen.headers['x-api-key']).toBe(API_KEY);
    const catalog = await client.listIntegrations(budget());
    expect(catalog.providers).toContain('GARMIN');
    expect(catalog.sdkProviders).toContain('APPLE');
  });

  it('reads the SDK list under terra-api\'s `sdk_resource` spelling too', async () => {
    const { client } = await clientFor({ sdkListField: 'sdk_resource' });
    expect((await client.listIntegrations(budget())).sdkProviders).toEqual(['APPLE', 'SAMSUNG', 'GOOGLEFIT', 'FREESTYLELIBRESDK']);
  });

  it('asks /integrations/detailed with sdk=true and the dev-id', async () => {
    const { client, server: s } = await clientFor();
    const enabled = await client.listEnabledIntegrations(budget());
    expect(enabled.map((e) => e.provider)).toContain('APPLE');
    expect(requestsTo(s, '/integrations/detailed')[0]!.path).toBe('/v2/integrations/detailed?sdk=true');
  });

  it('retries a 500 exactly 3 times (our policy, not the SDK\'s 2), then fails with the problem+json detail', async () => {
    const { client, server: s } = await clientFor({ faults: { serverError: true } });
    const error = await failure(client.listIntegrations(budget()));
    expect(error).toMatchObject({ kind: 'http', status: 500, attempts: 4 });
    expect(error.describe()).toBe('GET /integrations answered HTTP 500: internal server error: upstream failure (after 4 attempts)');
    expect(requestsTo(s, '/integrations')).toHaveLength(4);
  });

  it('honours Retry-After on 429, then succeeds', async () => {
    const { client, server: s } = await clientFor({ faults: { rateLimit: { times: 1, retryAfterSeconds: 1 } } });
    const started = Date.now();
    await expect(client.countUsers(budget())).resolves.toMatchObject({ count: 12 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(requestsTo(s, '/subscriptions')).toHaveLength(2);
  });

  it('gives up at the budget when the server is slower than the timeout', async () => {
    const { client } = await clientFor({ faults: { delayMs: 3000 } });
    const started = Date.now();
    const error = await failure(client.listIntegrations(budget(600)));
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe('GET /integrations gave no complete answer within 600 ms');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('reports a 200 that is not JSON as malformed, without retrying', async () => {
    const { client, server: s } = await clientFor({ faults: { malformedJson: true } });
    const error = await failure(client.listIntegrations(budget()));
    expect(error).toMatchObject({ kind: 'malformed', message: 'GET /integrations answered with an unexpected body: the body is not valid JSON' });
    expect(requestsTo(s, '/integrations')).toHaveLength(1);
  });

  it('tells a refused connection apart from other network errors', async () => {
    const { server: s } = await clientFor();
    const deadUrl = s.baseUrl;
    await s.close();
    server = undefined;
    const client = new TerraApiClient({ baseUrl: deadUrl, devId: TESTING_DEV_ID, apiKey: API_KEY, redact: createRedactor([API_KEY]), retry: { maxRetries: 1, baseDelayMs: 10, maxDelayMs: 10 } });
    const error = await failure(client.listIntegrations(budget()));
    expect(error.kind).toBe('network');
    expect(error.describe()).toMatch(/^GET \/integrations failed: connection refused by 127\.0\.0\.1:\d+: nothing is listening there \(after 2 attempts\)$/);
  });

  it('redacts an API key the server echoes in its error body (401 problem+json and 403 {status, message})', async () => {
    for (const wrongKeyStatus of [401, 403] as const) {
      const sent = `echoed-key-${wrongKeyStatus}-Qm93`;
      const { client } = await clientFor({ faults: { echoKey: true, wrongKeyStatus } }, undefined, sent);
      const error = await failure(client.countUsers(budget()));
      expect(error.status).toBe(wrongKeyStatus);
      expect(error.message).toContain(`(received x-api-key ${REDACTED})`);
      expect(`${error.message} ${error.detail} ${error.describe()}`).not.toContain(sent);
      await server?.close();
      server = undefined;
    }
  });

  it('reads 404 "Invalid dev-id was provided" for an unknown dev-id', async () => {
    const { client } = await clientFor({ devId: 'another-dev-id' });
    const error = await failure(client.countUsers(budget()));
    expect(error).toMatchObject({ kind: 'http', status: 404, detail: 'Invalid dev-id was provided' });
  });

  it('issues a widget session with the providers as a comma-separated string', async () => {
    const { client, server: s } = await clientFor();
    const session = await client.generateWidgetSession(['GARMIN', 'OURA'], budget());
    expect(session.expiresIn).toBe(900);
    expect(JSON.parse(requestsTo(s, '/auth/generateWidgetSession')[0]!.body)).toMatchObject({ providers: 'GARMIN,OURA' });
  });
});
