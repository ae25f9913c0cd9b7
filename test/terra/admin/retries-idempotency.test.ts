import { afterEach, describe, expect, it } from 'vitest';
import { TerraCallError } from '../../../src/terra/http/terra-call-error';
import { DEV_ID, adminClient, json, problem, rejection, startAdminServer, type AdminTestServer } from './admin-test-server';

let s: AdminTestServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const env = `/environments/${DEV_ID}`;
const enabled = { provider: 'garmin', active: true };

/** Fails the first `n` requests of the route the way `fail` says, then answers `ok`. */
function flaky(n: number, fail: Parameters<typeof problem> extends [unknown, ...infer R] ? R : never, ok: unknown) {
  let seen = 0;
  return (_h: unknown, res: Parameters<typeof json>[0]) => (seen++ < n ? problem(res, ...fail) : json(res, 200, ok));
}

describe('admin retries', () => {
  it('retries a mutation through 503s with the same Idempotency-Key every time', async () => {
    s = await startAdminServer({ [`PUT ${env}/unified-api/sources/garmin`]: flaky(2, [503, 'service_unavailable', 'try later'], enabled) });
    const { client, clock } = adminClient(s.baseUrl);
    await expect(client.enableSource(DEV_ID, 'garmin')).resolves.toEqual(enabled);
    expect(s.hits).toHaveLength(3);
    const keys = s.hits.map((h) => h.headers['idempotency-key']);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // Backoff 500 ms, then 1000 ms (random 0.5: no jitter); the 100 ms pacing is within those waits.
    expect(clock.sleeps.filter((ms) => ms >= 500)).toEqual([500, 1000]);
  });

  it('gives every logical mutation its own key', async () => {
    s = await startAdminServer({ [`PUT ${env}/unified-api/sources/*`]: (h, res) => json(res, 200, { provider: h.path.split('/').pop(), active: true }) });
    const { client } = adminClient(s.baseUrl);
    await client.enableSource(DEV_ID, 'garmin');
    await client.enableSource(DEV_ID, 'garmin');
    await client.enableSource(DEV_ID, 'oura');
    const keys = s.hits.map((h) => h.headers['idempotency-key']);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(3);
  });

  it('honours Retry-After on 429 and keeps the key', async () => {
    s = await startAdminServer({ [`PUT ${env}/unified-api/sources/garmin`]: flaky(1, [429, 'rate_limited', 'per-token rate limit exceeded', {}, { 'retry-after': '3' }], enabled) });
    const { client, clock } = adminClient(s.baseUrl);
    await client.enableSource(DEV_ID, 'garmin');
    expect(clock.sleeps).toContain(3000);
    expect(s.hits).toHaveLength(2);
    expect(s.hits[0]!.headers['idempotency-key']).toBe(s.hits[1]!.headers['idempotency-key']);
  });

  it('retries the transient problem codes whatever their status', async () => {
    for (const [status, code] of [[409, 'not_ready'], [424, 'dependency_failed'], [503, 'service_unavailable']] as const) {
      s = await startAdminServer({ [`GET ${env}/unified-api/sources`]: flaky(1, [status, code, 'transient'], { data: [], has_more: false, next_cursor: null }) });
      const { client } = adminClient(s.baseUrl);
      await expect(client.listSources(DEV_ID), code).resolves.toEqual({ sources: [], notices: [] });
      expect(s.hits, code).toHaveLength(2);
      await s.close();
      s = undefined;
    }
  });

  it('does not retry other 4xx, and stops 5xx after the bounded retries', async () => {
    s = await startAdminServer({
      [`PUT ${env}/unified-api/sources/garmin`]: (_h, res) => problem(res, 400, 'validation_failed', 'bad'),
      [`PUT ${env}/unified-api/sources/oura`]: (_h, res) => problem(res, 500, 'internal_error', 'an internal error occurred'),
    });
    const { client } = adminClient(s.baseUrl);
    await rejection(client.enableSource(DEV_ID, 'garmin'));
    expect(s.hits).toHaveLength(1);
    const error = (await rejection(client.enableSource(DEV_ID, 'oura'))) as TerraCallError;
    expect(error).toMatchObject({ status: 500, code: 'internal_error', attempts: 5 });
    expect(s.hits).toHaveLength(6);
  });

  it('gives up when Retry-After is past the call\'s budget, without waiting', async () => {
    s = await startAdminServer({ [`GET ${env}`]: (_h, res) => problem(res, 429, 'rate_limited', 'slow down', {}, { 'retry-after': '600' }) });
    const { client, clock } = adminClient(s.baseUrl, { budgetMs: 60_000 });
    const error = await rejection(client.getEnvironment(DEV_ID));
    expect(error.message).toMatch(/the server asked to retry after 600 s, beyond the time budget of this admin call$/);
    expect(clock.sleeps.filter((ms) => ms > 100)).toEqual([]);
    expect(s.hits).toHaveLength(1);
  });
});

describe('read-only mode', () => {
  it('refuses every mutation before sending anything, and still reads', async () => {
    s = await startAdminServer({ [`GET ${env}/unified-api/destinations`]: (_h, res) => json(res, 200, { data: [], has_more: false, next_cursor: null }) });
    const { client } = adminClient(s.baseUrl, { readOnly: true });
    const attempts: Array<() => Promise<unknown>> = [
      () => client.enableSource(DEV_ID, 'garmin'),
      () => client.disableSource(DEV_ID, 'garmin', { dryRun: true }),
      () => client.setSourceCredentials(DEV_ID, 'garmin', { client_id: 'a', client_secret: 'b' }),
      () => client.createDestination(DEV_ID, { url: 'https://x.example' }),
      () => client.deleteDestination(DEV_ID, '1'),
      () => client.putUnifiedApiScopes(DEV_ID, []),
      () => client.rotateEnvironmentApiKey(DEV_ID),
    ];
    for (const attempt of attempts) {
      const error = await rejection(attempt());
      expect(error).toMatchObject({ reason: 'read-only' });
      expect(error.message).toMatch(/^refused to send (PUT|DELETE|POST) .*: this admin client is read-only \(drift sends GET requests only\)$/);
    }
    expect(s.hits).toHaveLength(0);
    await expect(client.listDestinations(DEV_ID)).resolves.toEqual([]);
    expect(s.hits.map((h) => h.method)).toEqual(['GET']);
  });
});
