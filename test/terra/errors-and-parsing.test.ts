import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/terra/smoke/checks';
import { REDACTED, createRedactor, sanitizeRemoteText } from '../../src/terra/http/redact';
import { backoffDelay, withRetries } from '../../src/terra/http/retry';
import { CHECK_IDS } from '../../src/terra/smoke/smoke-types';
import { TerraCallError, errorBodyDetail, parseRetryAfter } from '../../src/terra/http/terra-call-error';
import { parseDetailedIntegrations, parseIntegrations, parseUserCount, parseWidgetSession } from '../../src/terra/data/terra-responses';

describe('createRedactor', () => {
  const secret = 'k3y/with+odd "chars"';
  const redact = createRedactor([secret, undefined, '']);

  it('masks raw, URL-encoded and JSON-escaped forms', () => {
    const text = `raw ${secret} url ${encodeURIComponent(secret)} json ${JSON.stringify({ k: secret })}`;
    const out = redact(text);
    expect(out).not.toContain(secret);
    expect(out).not.toContain(encodeURIComponent(secret));
    expect(out).not.toContain(JSON.stringify(secret).slice(1, -1));
    expect(out.split(REDACTED)).toHaveLength(4);
  });

  it('masks the longer secret first when one contains the other', () => {
    const both = createRedactor(['abc', 'abcdef']);
    expect(both('x abcdef y abc')).toBe(`x ${REDACTED} y ${REDACTED}`);
  });
});

describe('sanitizeRemoteText', () => {
  it('drops control characters (ANSI, newlines) and bounds the length', () => {
    expect(sanitizeRemoteText('a\x1b[31mred\nline')).toBe('a [31mred line');
    expect(sanitizeRemoteText('x'.repeat(500))).toHaveLength(201);
  });
});

describe('errorBodyDetail reads both Terra error shapes', () => {
  it('SDK-era {status, message} and legacy {message}', () => {
    expect(errorBodyDetail({ status: 'error', message: 'Invalid dev-id was provided' })).toBe('Invalid dev-id was provided');
    expect(errorBodyDetail({ message: 'unauthorized' })).toBe('unauthorized');
  });

  it('RFC 9457 problem+json {type, title, instance, detail}', () => {
    const body = { type: 'about:blank', title: 'unauthorized', instance: '/activity', detail: 'dev-id or x-api-key headers are missing' };
    expect(errorBodyDetail(body)).toBe('unauthorized: dev-id or x-api-key headers are missing');
    expect(errorBodyDetail({ type: 'about:blank', title: 'not found', instance: '/x' })).toBe('not found');
  });

  it('text bodies and nothing useful', () => {
    expect(errorBodyDetail('<html>Bad gateway</html>')).toBe('<html>Bad gateway</html>');
    expect(errorBodyDetail([1, 2])).toBeUndefined();
    expect(errorBodyDetail(null)).toBeUndefined();
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:03 GMT', now)).toBe(3000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe('withRetries', () => {
  const error = (status: number, retryAfterMs?: number) =>
    new TerraCallError({ operation: 'GET /x', kind: 'http', status, retryAfterMs, message: `GET /x answered HTTP ${status}` });

  it('retries 429/5xx a bounded number of times and counts the attempts', async () => {
    let calls = 0;
    const failing = withRetries(async () => { calls++; throw error(503); }, { deadline: Date.now() + 5000, policy: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 2 } });
    await expect(failing).rejects.toMatchObject({ status: 503, attempts: 3 });
    expect(calls).toBe(3);
  });

  it('does not retry other 4xx', async () => {
    let calls = 0;
    await expect(withRetries(async () => { calls++; throw error(401); }, { deadline: Date.now() + 5000 })).rejects.toMatchObject({ status: 401 });
    expect(calls).toBe(1);
  });

  it('gives up when Retry-After reaches past the deadline, and says so', async () => {
    const started = Date.now();
    const run = withRetries(async () => { throw error(429, 60_000); }, { deadline: Date.now() + 1000 });
    await expect(run).rejects.toThrow(/asked to retry after 60 s, beyond the check's time limit/);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('backs off exponentially within ±10 %, capped', () => {
    const policy = { maxRetries: 5, baseDelayMs: 100, maxDelayMs: 300 };
    expect(backoffDelay(policy, 0, () => 0.5)).toBe(100);
    expect(backoffDelay(policy, 1, () => 0.5)).toBe(200);
    expect(backoffDelay(policy, 4, () => 0.5)).toBe(300);
    expect(backoffDelay(policy, 1, () => 0)).toBe(180);
  });
});

describe('response parsers accept both spellings and both shapes', () => {
  it('GET /integrations: sdk_providers (OpenAPI 2026) and sdk_resource (terra-api@2.1.0)', () => {
    expect(parseIntegrations({ providers: ['GARMIN'], sdk_providers: ['APPLE'] })).toEqual({ ok: true, value: { providers: ['GARMIN'], sdkProviders: ['APPLE'] } });
    expect(parseIntegrations({ providers: ['GARMIN'], sdk_resource: ['APPLE'] })).toEqual({ ok: true, value: { providers: ['GARMIN'], sdkProviders: ['APPLE'] } });
    expect(parseIntegrations({ providers: 'GARMIN' })).toMatchObject({ ok: false });
  });

  it('GET /integrations/detailed', () => {
    expect(parseDetailedIntegrations({ providers: [{ provider: 'OURA', enabled: false }, { provider: 'GARMIN' }] })).toEqual({
      ok: true,
      value: [{ provider: 'OURA', enabled: false }, { provider: 'GARMIN', enabled: true }],
    });
    expect(parseDetailedIntegrations({ providers: [{ name: 'x' }] })).toMatchObject({ ok: false });
  });

  it('GET /subscriptions: unpaginated users, a last page, and max_page with per_page=1', () => {
    expect(parseUserCount({ users: [{}, {}, {}] })).toEqual({ ok: true, value: { count: 3, basis: 'users-list' } });
    expect(parseUserCount({ data: { next: null, max_page: 0, results: [] } })).toEqual({ ok: true, value: { count: 0, basis: 'single-page' } });
    expect(parseUserCount({ data: { next: 1, max_page: 49, results: [{}] } })).toEqual({ ok: true, value: { count: 50, basis: 'max-page' } });
    expect(parseUserCount({ data: { next: 1, max_page: 'x', results: [{}] } })).toMatchObject({ ok: false });
  });

  it('POST /auth/generateWidgetSession', () => {
    expect(parseWidgetSession({ url: 'https://widget.tryterra.co/session/1', expires_in: 900, status: 'success' })).toEqual({
      ok: true,
      value: { url: 'https://widget.tryterra.co/session/1', expiresIn: 900 },
    });
    expect(parseWidgetSession({ status: 'error', message: 'nope' })).toMatchObject({ ok: false });
  });
});

describe('check registry', () => {
  it('lists every check id once, in CHECK_IDS order', () => {
    expect(CHECKS.map((c) => c.id)).toEqual([...CHECK_IDS]);
    for (const check of CHECKS) expect(check.description.length).toBeGreaterThan(20);
  });
});
