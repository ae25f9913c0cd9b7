import { afterEach, describe, expect, it } from 'vitest';
import { HttpClient, type HttpRequest } from '../../../src/terra/http/http-client';
import { createRedactor } from '../../../src/terra/http/redact';
import { DEFAULT_RETRY_POLICY } from '../../../src/terra/http/retry';
import { TerraCallError } from '../../../src/terra/http/terra-call-error';
import { fakeClock } from '../../support/fake-clock';
import { startRawServer, type RawHandler, type RawServer } from '../../support/raw-http-server';

const TOKEN = 'core-test-credential-Jk42Zp';
const servers: RawServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function server(handler: RawHandler): Promise<RawServer> {
  const s = await startRawServer(handler);
  servers.push(s);
  return s;
}

/** Answers the scripted statuses in turn (then 200), with the headers of each step. */
function scripted(steps: Array<{ status: number; headers?: Record<string, string>; body?: string }>): RawHandler {
  let index = 0;
  return (_req, res) => {
    const step = steps[index++] ?? { status: 200, body: '{"ok":true}' };
    res.writeHead(step.status, { 'content-type': 'application/json', ...step.headers }).end(step.body ?? '');
  };
}

function setup(origin: string, clock = fakeClock()) {
  const http = new HttpClient({ baseUrl: `${origin}/api`, redact: createRedactor([TOKEN]), headerLabels: { authorization: 'the test token' }, clock });
  const get = (overrides: Partial<HttpRequest> = {}): HttpRequest => ({
    operation: 'GET /thing',
    method: 'GET',
    url: '/thing',
    headers: { authorization: `Bearer ${TOKEN}` },
    maxBodyBytes: 1024,
    ...overrides,
  });
  return { http, clock, get };
}

async function failure(promise: Promise<unknown>): Promise<TerraCallError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(TerraCallError);
  return error as TerraCallError;
}

const statusCheck = (response: { status: number; headers: Headers; text(): string }, now: number) => {
  if (response.status >= 400) {
    const header = response.headers.get('retry-after');
    const retryAfterMs = header ? (/^\d+$/.test(header) ? Number(header) * 1000 : Date.parse(header) - now) : undefined;
    throw new TerraCallError({ operation: 'GET /thing', kind: 'http', status: response.status, retryAfterMs, message: `GET /thing answered HTTP ${response.status}` });
  }
  return response.text();
};

describe('HttpClient retries', () => {
  it('backs off exponentially between bounded retries, through the injected sleep', async () => {
    const s = await server(scripted([{ status: 503 }, { status: 502 }]));
    const { http, clock, get } = setup(s.origin);
    const body = await http.request(get(), { deadline: clock.now() + 60_000, random: () => 0.5, check: (r) => statusCheck(r, clock.now()) });
    expect(body).toBe('{"ok":true}');
    expect(s.requests).toHaveLength(3);
    expect(clock.sleeps).toEqual([DEFAULT_RETRY_POLICY.baseDelayMs, DEFAULT_RETRY_POLICY.baseDelayMs * 2]);
  });

  it('waits what Retry-After asks, as seconds and as an HTTP date', async () => {
    const clock = fakeClock(Date.parse('2026-01-01T00:00:00Z'));
    const s = await server(scripted([{ status: 429, headers: { 'retry-after': '7' } }, { status: 503, headers: { 'retry-after': 'Thu, 01 Jan 2026 00:00:12 GMT' } }]));
    const { http, get } = setup(s.origin, clock);
    await http.request(get(), { deadline: clock.now() + 60_000, check: (r) => statusCheck(r, clock.now()) });
    // 7 s, then the date 12 s after the start, which is 5 s after the first wait ended.
    expect(clock.sleeps).toEqual([7000, 5000]);
    expect(s.requests).toHaveLength(3);
  });

  it('gives up at once when Retry-After points past the budget, and says so', async () => {
    const s = await server(scripted([{ status: 429, headers: { 'retry-after': '120' } }]));
    const { http, clock, get } = setup(s.origin);
    const error = await failure(http.request(get(), { deadline: clock.now() + 30_000, budgetName: 'the budget', check: (r) => statusCheck(r, clock.now()) }));
    expect(error.message).toBe('GET /thing answered HTTP 429; the server asked to retry after 120 s, beyond the budget');
    expect(clock.sleeps).toEqual([]);
    expect(s.requests).toHaveLength(1);
  });

  it('stops after maxRetries and counts the attempts', async () => {
    const s = await server((_req, res) => void res.writeHead(500).end());
    const { http, clock, get } = setup(s.origin);
    const error = await failure(http.request(get(), { deadline: clock.now() + 60_000, retry: { maxRetries: 2, baseDelayMs: 10, maxDelayMs: 10 }, check: (r) => statusCheck(r, clock.now()) }));
    expect(error).toMatchObject({ status: 500, attempts: 3 });
    expect(s.requests).toHaveLength(3);
  });

  it('does not retry a 4xx', async () => {
    for (const status of [400, 401, 404, 409]) {
      const s = await server(scripted([{ status }]));
      const { http, clock, get } = setup(s.origin);
      await failure(http.request(get(), { deadline: clock.now() + 60_000, check: (r) => statusCheck(r, clock.now()) }));
      expect(s.requests, `HTTP ${status}`).toHaveLength(1);
      expect(clock.sleeps).toEqual([]);
    }
  });

  it('lets the caller classify: a 409 retried, a 503 not', async () => {
    const conflict = await server(scripted([{ status: 409 }]));
    const a = setup(conflict.origin);
    await a.http.request(a.get(), { deadline: a.clock.now() + 60_000, retryable: (e) => e.status === 409, check: (r) => statusCheck(r, a.clock.now()) });
    expect(conflict.requests).toHaveLength(2);
    const unavailable = await server(scripted([{ status: 503 }]));
    const b = setup(unavailable.origin);
    await failure(b.http.request(b.get(), { deadline: b.clock.now() + 60_000, retryable: () => false, check: (r) => statusCheck(r, b.clock.now()) }));
    expect(unavailable.requests).toHaveLength(1);
  });

  it('ends an attempt that gets no answer at its own timeout', async () => {
    const s = await server(() => undefined);
    const { http, get } = setup(s.origin);
    const error = await failure(http.send(get({ attemptTimeoutMs: 50 }), 60_000));
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe('GET /thing gave no complete answer within 100 ms');
  });
});

describe('HttpClient redirects', () => {
  it('never sends Authorization to another origin: the redirect is refused, naming the host', async () => {
    const elsewhere = await server((_req, res) => void res.writeHead(200).end('{}'));
    const s = await server((_req, res) => void res.writeHead(307, { location: `${elsewhere.origin}/steal` }).end());
    const { http, get } = setup(s.origin);
    const error = await failure(http.send(get(), 5000));
    expect(error).toMatchObject({ kind: 'redirect', status: 307, targetHost: `127.0.0.1:${elsewhere.port}` });
    expect(error.retryable).toBe(false);
    expect(elsewhere.requests).toHaveLength(0);
    expect(s.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('follows a same-origin 303 after a POST as a GET without the body', async () => {
    const s = await server((req, res) => {
      if (req.url === '/api/thing') return void res.writeHead(303, { location: '/api/result' }).end();
      res.writeHead(200).end('done');
    });
    const { http, get } = setup(s.origin);
    const response = await http.send(get({ method: 'POST', body: '{"a":1}', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' } }), 5000);
    expect(response.text()).toBe('done');
    expect(response.url).toBe(`${s.origin}/api/result`);
    expect(s.requests.map((r) => [r.method, r.url, r.body, r.headers['content-type']])).toEqual([
      ['POST', '/api/thing', '{"a":1}', 'application/json'],
      ['GET', '/api/result', '', undefined],
    ]);
    expect(s.requests[1]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('stops a same-origin redirect loop', async () => {
    const s = await server((req, res) => void res.writeHead(302, { location: req.url === '/api/a' ? '/api/b' : '/api/a' }).end());
    const { http, get } = setup(s.origin);
    const error = await failure(http.send(get({ url: '/a' }), 5000));
    expect(error.message).toBe('GET /thing was redirected more than 5 times (a redirect loop?)');
    expect(s.requests).toHaveLength(6);
  });

  it('hands a 3xx back untouched in `return` mode', async () => {
    const s = await server((_req, res) => void res.writeHead(301, { location: 'https://other.example/x' }).end());
    const { http, get } = setup(s.origin);
    const response = await http.send(get({ redirects: 'return' }), 5000);
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('https://other.example/x');
  });
});

describe('HttpClient body cap', () => {
  it('reads a body of exactly the cap and refuses one byte more, unretried', async () => {
    let size = 1024;
    const s = await server((_req, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end('a'.repeat(size)));
    const { http, clock, get } = setup(s.origin);
    expect((await http.send(get(), 5000)).body.byteLength).toBe(1024);
    size = 1025;
    const error = await failure(http.request(get(), { deadline: clock.now() + 60_000, check: (r) => r.text() }));
    expect(error).toMatchObject({ kind: 'too-large', limitBytes: 1024, attempts: 1 });
    expect(error.message).toBe('GET /thing answered with a response larger than 1024 bytes; terra-iac stopped reading it');
  });

  it('applies the cap to the inflated size of a gzip body', async () => {
    const { gzipSync } = await import('node:zlib');
    const packed = gzipSync(Buffer.alloc(64 * 1024, 'a'));
    const s = await server((_req, res) => void res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': String(packed.length) }).end(packed));
    const { http, get } = setup(s.origin);
    expect(packed.length).toBeLessThan(1024);
    expect((await failure(http.send(get(), 5000))).kind).toBe('too-large');
  });
});

describe('HttpClient local checks', () => {
  it('names a credential with CR, LF, NUL, a control character or a non-Latin-1 character, and sends nothing', async () => {
    const s = await server((_req, res) => void res.writeHead(200).end());
    const { http, clock, get } = setup(s.origin);
    const cases: Array<[string, string]> = [
      [`${TOKEN}\n`, 'the test token contains a line break (CR or LF), often a trailing newline copied along with the value'],
      [`${TOKEN}\r`, 'the test token contains a line break (CR or LF), often a trailing newline copied along with the value'],
      [`${TOKEN}\u0000`, 'the test token contains a NUL character'],
      [`${TOKEN}\u001b`, 'the test token contains a control character'],
      [`${TOKEN}\u2028`, 'the test token contains a character outside Latin-1, which an HTTP header cannot carry'],
    ];
    for (const [value, reason] of cases) {
      const error = await failure(http.request(get({ headers: { authorization: `Bearer ${value}` } }), { deadline: clock.now() + 60_000, check: (r) => r.text() }));
      expect(error).toMatchObject({ kind: 'local', attempts: 1, exitKind: 'config' });
      expect(error.message).toBe(`GET /thing was not sent: ${reason}`);
      expect(`${error.message}${error.stack}`).not.toContain(TOKEN);
    }
    expect(s.requests).toHaveLength(0);
  });

  it('refuses a base URL with userinfo and an absolute URL on another origin', async () => {
    const s = await server((_req, res) => void res.writeHead(200).end());
    const withUser = new HttpClient({ baseUrl: `http://me:Pw-secret-9@127.0.0.1:${s.port}/api`, redact: createRedactor([]) });
    const error = await failure(withUser.send({ operation: 'GET /x', method: 'GET', url: '/x', maxBodyBytes: 10 }, 5000));
    expect(error.kind).toBe('local');
    expect(error.message).toContain('carries a user name or password before the host');
    expect(error.message).not.toContain('Pw-secret-9');
    const { http, get } = setup(s.origin);
    const other = await failure(http.send(get({ url: 'http://127.0.0.2:1/x' }), 5000));
    expect(other.message).toBe(`GET /thing was not sent: 127.0.0.2:1 is not the configured host 127.0.0.1:${s.port}, and credentials go nowhere else`);
    expect(s.requests).toHaveLength(0);
  });

  it('says what a refused connection is, after the bounded retries', async () => {
    const s = await server((_req, res) => void res.writeHead(200).end());
    const origin = s.origin;
    await s.close();
    servers.splice(servers.indexOf(s), 1);
    const { http, clock, get } = setup(origin);
    const error = await failure(http.request(get(), { deadline: clock.now() + 60_000, retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 1 }, check: (r) => r.text() }));
    expect(error.kind).toBe('network');
    expect(error.describe()).toMatch(/^GET \/thing failed: connection refused by 127\.0\.0\.1:\d+: nothing is listening there \(after 2 attempts\)$/);
  });
});
