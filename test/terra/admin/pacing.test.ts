import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeClock } from '../../support/fake-clock';
import { DEV_ID, adminClient, json, problem, startAdminServer, type AdminTestServer } from './admin-test-server';

let s: AdminTestServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

/**
 * A server that holds each request until `cap` of them are in flight together (or the last one came): a
 * client that sent them one by one would hang, one that sent more than `cap` would be seen doing so.
 * Records when (on the client's virtual clock) each request was sent.
 */
async function holdingServer(route: string, total: number, cap: number, answer: (res: ServerResponse) => void) {
  const arrivals: number[] = [];
  const held: ServerResponse[] = [];
  let inFlight = 0;
  let received = 0;
  const seen = { arrivals, maxInFlight: 0 };
  s = await startAdminServer(
    {
      [route]: (_hit, res) => {
        held.push(res);
        if (held.length === cap || received === total) {
          for (const r of held.splice(0)) {
            inFlight--;
            answer(r);
          }
        }
      },
    },
    (hit) => {
      received++;
      arrivals.push(Number(hit.headers['x-test-sent-at']));
      seen.maxInFlight = Math.max(seen.maxInFlight, ++inFlight);
    },
  );
  return seen;
}

const gapsOf = (arrivals: number[]) => arrivals.slice(1).map((at, i) => at - arrivals[i]!);

describe('one pacing limiter for all requests of a client, a lane for reads and one for mutations', () => {
  const clockAndFetch = () => {
    const clock = fakeClock();
    const stamping = (url: string, init: RequestInit) => fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), 'x-test-sent-at': String(clock.now()) } });
    return { clock, fetch: stamping };
  };

  it('spaces mutation starts by the interval and caps how many run at once', async () => {
    const total = 5;
    const cap = 2;
    const seen = await holdingServer('PUT /environments/*/unified-api/sources/*', total, cap, (r) => json(r, 200, { provider: 'garmin', active: true }));
    const { clock, fetch } = clockAndFetch();
    const client = adminClient(s!.baseUrl, { clock, fetch, pacing: { reads: { minIntervalMs: 0, maxConcurrent: 8 }, mutations: { minIntervalMs: 100, maxConcurrent: cap } } }).client;
    await Promise.all(Array.from({ length: total }, () => client.enableSource(DEV_ID, 'garmin')));
    expect(seen.arrivals).toHaveLength(total);
    expect(seen.maxInFlight).toBe(cap);
    expect(gapsOf(seen.arrivals)).toEqual([100, 100, 100, 100]);
    expect(clock.sleeps).toEqual([100, 100, 100, 100]);
  });

  it('lets reads overlap up to their own cap without waiting for the mutations\' interval', async () => {
    const total = 6;
    const cap = 3;
    const seen = await holdingServer('GET /environments/*', total, cap, (r) => json(r, 200, { dev_id: DEV_ID }));
    const { clock, fetch } = clockAndFetch();
    const client = adminClient(s!.baseUrl, { clock, fetch, pacing: { reads: { minIntervalMs: 0, maxConcurrent: cap }, mutations: { minIntervalMs: 100, maxConcurrent: 1 } } }).client;
    await Promise.all(Array.from({ length: total }, () => client.getEnvironment(DEV_ID)));
    expect(seen.arrivals).toHaveLength(total);
    expect(seen.maxInFlight).toBe(cap);
    expect(gapsOf(seen.arrivals)).toEqual([0, 0, 0, 0, 0]);
    expect(clock.sleeps).toEqual([]);
  });

  it('moves reads onto the mutations\' spacing after a 429', async () => {
    let calls = 0;
    const arrivals: number[] = [];
    s = await startAdminServer(
      {
        'GET /environments/*': (_hit, res) => {
          if (++calls === 1) return problem(res, 429, 'rate_limited', 'Per-token rate limit exceeded; see Retry-After', {}, { 'retry-after': '1' });
          json(res, 200, { dev_id: DEV_ID });
        },
      },
      (hit) => arrivals.push(Number(hit.headers['x-test-sent-at'])),
    );
    const { clock, fetch } = clockAndFetch();
    const client = adminClient(s.baseUrl, { clock, fetch, pacing: { reads: { minIntervalMs: 0, maxConcurrent: 8 }, mutations: { minIntervalMs: 100, maxConcurrent: 4 } } }).client;
    await client.getEnvironment(DEV_ID);
    const afterRetry = arrivals.length;
    await Promise.all(Array.from({ length: 3 }, () => client.getEnvironment(DEV_ID)));
    expect(afterRetry).toBe(2);
    expect(gapsOf(arrivals.slice(afterRetry - 1))).toEqual([100, 100, 100]);
  });
});
