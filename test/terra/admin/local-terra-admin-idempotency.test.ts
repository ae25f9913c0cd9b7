import { afterEach, describe, expect, it } from 'vitest';
import { DEV_ID, advanceClock, call, closeAdmin, envPath, startAdmin } from './admin-helpers';

/** Idempotency-Key replay and reuse, the lost-response fault, rate limiting and injected 500s. */

afterEach(closeAdmin);

const DESTINATIONS = envPath('/unified-api/destinations');
const SCOPES = ['destinations:read', 'destinations:write', 'providers:read', 'providers:write'];
const HOOK = { url: 'https://acme.example/hook', event_types: ['activity'] };
const key = (k: string) => ({ 'idempotency-key': k });
const RATE_HEADERS = ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'];

describe('Idempotency-Key', () => {
  it('same key and same body replays status, headers and body (signing_secret included) and creates one destination', async () => {
    const admin = await startAdmin();
    const token = admin.issueToken({ scopes: SCOPES });
    const first = await call(admin, 'POST', DESTINATIONS, { token, body: HOOK, headers: key('k-1') });
    // Same JSON, different key order: still the same request.
    const again = await call(admin, 'POST', DESTINATIONS, { token, rawBody: '{"event_types":["activity"],  "url":"https://acme.example/hook"}', headers: key('k-1') });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);
    expect(again.json.signing_secret).toBe(first.json.signing_secret);
    expect(again.headers.get('content-type')).toBe('application/json');
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(admin.state(DEV_ID).destinations).toHaveLength(1);
  });

  it('same key and a different body is 409 idempotency_key_reuse and changes nothing', async () => {
    const admin = await startAdmin();
    const token = admin.issueToken({ scopes: SCOPES });
    await call(admin, 'POST', DESTINATIONS, { token, body: HOOK, headers: key('k-2') });
    const reuse = await call(admin, 'POST', DESTINATIONS, { token, body: { ...HOOK, url: 'https://acme.example/other' }, headers: key('k-2') });
    expect([reuse.status, reuse.json.code, reuse.json.title]).toEqual([409, 'idempotency_key_reuse', 'conflict']);
    expect(admin.state(DEV_ID).destinations.map((d) => d.url)).toEqual([HOOK.url]);
  });

  it('keys are per token, and a key on a different path is a different request', async () => {
    const admin = await startAdmin();
    const a = admin.issueToken({ scopes: SCOPES });
    const b = admin.issueToken({ scopes: SCOPES });
    await call(admin, 'POST', DESTINATIONS, { token: a, body: HOOK, headers: key('shared') });
    await call(admin, 'POST', DESTINATIONS, { token: b, body: HOOK, headers: key('shared') });
    expect(admin.state(DEV_ID).destinations).toHaveLength(2);
    const enable = await call(admin, 'PUT', envPath('/unified-api/sources/garmin'), { token: a, headers: key('shared') });
    expect(enable.status).toBe(200);
  });

  it('replays a stored 4xx from the handler too (a 404 for an unknown destination)', async () => {
    const admin = await startAdmin();
    const token = admin.issueToken({ scopes: SCOPES });
    const first = await call(admin, 'DELETE', `${DESTINATIONS}/42`, { token, headers: key('k-404') });
    const again = await call(admin, 'DELETE', `${DESTINATIONS}/42`, { token, headers: key('k-404') });
    expect([first.status, again.status, again.headers.get('idempotent-replayed')]).toEqual([404, 404, 'true']);
  });

  it('the replay-without-secret fault replays the 201 without signing_secret', async () => {
    const admin = await startAdmin({ faults: { replayWithoutSigningSecret: true } });
    const token = admin.issueToken({ scopes: SCOPES });
    const first = await call(admin, 'POST', DESTINATIONS, { token, body: HOOK, headers: key('k-3') });
    const again = await call(admin, 'POST', DESTINATIONS, { token, body: HOOK, headers: key('k-3') });
    expect(typeof first.json.signing_secret).toBe('string');
    const { signing_secret: _secret, ...summary } = first.json;
    expect(again.json).toEqual(summary);
  });
});

describe('lost response', () => {
  it('commits, drops the connection, and the retry with the same key gets the stored 201 and no duplicate', async () => {
    const admin = await startAdmin({ faults: { lostResponse: { times: 1, operations: ['createDestination'] } } });
    const token = admin.issueToken({ scopes: SCOPES });
    const lost = await call(admin, 'POST', DESTINATIONS, { token, body: HOOK, headers: key('k-lost') }).then(
      () => 'answered',
      (error: Error) => error.name,
    );
    expect(lost).toBe('TypeError');
    const committed = admin.state(DEV_ID).destinations;
    expect(committed).toHaveLength(1);
    const retry = await call(admin, 'POST', DESTINATIONS, { token, body: HOOK, headers: key('k-lost') });
    expect(retry.status).toBe(201);
    expect(retry.json).toMatchObject({ id: committed[0]!.id, signing_secret: committed[0]!.signingSecret });
    expect(admin.state(DEV_ID).destinations).toHaveLength(1);
  });

  it('without a key, the retry after a lost response creates a duplicate (why clients send one)', async () => {
    const admin = await startAdmin({ faults: { lostResponse: { times: 1 } } });
    const token = admin.issueToken({ scopes: SCOPES });
    await call(admin, 'POST', DESTINATIONS, { token, body: HOOK }).catch(() => undefined);
    await call(admin, 'POST', DESTINATIONS, { token, body: HOOK });
    expect(admin.state(DEV_ID).destinations).toHaveLength(2);
  });
});

describe('rate limiting', () => {
  it('the rateLimit fault answers 429 rate_limited with Retry-After, then lets the request through', async () => {
    const admin = await startAdmin({ faults: { rateLimit: { times: 1, retryAfterSeconds: 7 } } });
    const token = admin.issueToken({ scopes: SCOPES });
    const limited = await call(admin, 'POST', DESTINATIONS, { token, body: HOOK, headers: key('k-429') });
    expect([limited.status, limited.json.code, limited.json.title, limited.headers.get('retry-after')]).toEqual([429, 'rate_limited', 'too many requests', '7']);
    expect(admin.state(DEV_ID).destinations).toEqual([]);
    const retry = await call(admin, 'POST', DESTINATIONS, { token, body: HOOK, headers: key('k-429') });
    expect(retry.status).toBe(201);
  });

  it('mutations carry X-RateLimit-Limit/Remaining/Reset; reads do not', async () => {
    const admin = await startAdmin({ rateLimit: { limit: 5, windowSeconds: 60 } });
    const token = admin.issueToken({ scopes: SCOPES });
    const write = await call(admin, 'PUT', envPath('/unified-api/sources/garmin'), { token });
    expect(RATE_HEADERS.map((h) => write.headers.get(h))).toEqual(['5', '4', String(Date.parse('2026-09-10T12:01:00Z') / 1000)]);
    const read = await call(admin, 'GET', envPath('/unified-api/sources'), { token });
    expect(RATE_HEADERS.map((h) => read.headers.get(h))).toEqual([null, null, null]);
  });

  it('beyond the per-token window limit: 429 with Retry-After until the window resets', async () => {
    const admin = await startAdmin({ rateLimit: { limit: 2, windowSeconds: 60 } });
    const token = admin.issueToken({ scopes: SCOPES });
    const put = () => call(admin, 'PUT', envPath('/unified-api/sources/garmin'), { token });
    expect([(await put()).status, (await put()).status]).toEqual([200, 200]);
    advanceClock(15_000);
    const third = await put();
    expect([third.status, third.headers.get('retry-after'), third.headers.get('x-ratelimit-remaining')]).toEqual([429, '45', '0']);
    advanceClock(45_000);
    expect((await put()).status).toBe(200);
  });
});

describe('other faults', () => {
  it('a 500 fault commits nothing and is not stored: the retry with the same key succeeds', async () => {
    const admin = await startAdmin({ faults: { serverError: { times: 1 } } });
    const token = admin.issueToken({ scopes: SCOPES });
    const failed = await call(admin, 'POST', DESTINATIONS, { token, body: HOOK, headers: key('k-500') });
    expect([failed.status, failed.json.code, failed.json.title]).toEqual([500, 'internal_error', 'internal server error']);
    expect(admin.state(DEV_ID).destinations).toEqual([]);
    const retry = await call(admin, 'POST', DESTINATIONS, { token, body: HOOK, headers: key('k-500') });
    expect([retry.status, retry.headers.get('idempotent-replayed')]).toEqual([201, null]);
  });

  it('the malformed-json fault answers 200 with a body that is not JSON', async () => {
    const admin = await startAdmin({ faults: { malformedJson: { operations: ['listSources'] } } });
    const res = await call(admin, 'GET', envPath('/unified-api/sources'), { token: admin.issueToken({ scopes: SCOPES }) });
    expect(res.status).toBe(200);
    expect(() => JSON.parse(res.text)).toThrow(SyntaxError);
  });

  it('the slow fault holds the answer until the client gives up, and close() still ends at once', async () => {
    const admin = await startAdmin({ faults: { delayMs: 600_000 } });
    const abort = new AbortController();
    const pending = call(admin, 'GET', envPath('/unified-api/sources'), { token: admin.issueToken({ scopes: SCOPES }), signal: abort.signal }).then(
      () => 'answered',
      (error: Error) => error.name,
    );
    while (admin.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
    abort.abort();
    expect(await pending).toBe('AbortError');
    await closeAdmin();
  });
});
