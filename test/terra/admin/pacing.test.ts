import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeClock } from '../../support/fake-clock';
import { DEV_ID, adminClient, startAdminServer, type AdminTestServer } from './admin-test-server';

let s: AdminTestServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

describe('one pacing limiter for all requests of a client', () => {
  it('spaces request starts by the interval and caps how many run at once, while reads overlap', async () => {
    const total = 5;
    const cap = 2;
    const arrivals: number[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    let received = 0;
    const held: ServerResponse[] = [];
    const clock = fakeClock();
    s = await startAdminServer(
      {
        'GET /environments/*': (_hit, res) => {
          held.push(res);
          // Answer only once `cap` requests are in flight at the same time (or the last one came): a client
          // that sent them one by one would hang here, one that sent more than `cap` would be seen doing so.
          if (held.length === cap || received === total) {
            for (const r of held.splice(0)) {
              inFlight--;
              r.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ dev_id: DEV_ID }));
            }
          }
        },
      },
      (hit) => {
        received++;
        // The virtual time at which the client sent it, stamped by the test's fetch below.
        arrivals.push(Number(hit.headers['x-test-sent-at']));
        maxInFlight = Math.max(maxInFlight, ++inFlight);
      },
    );
    const stamping = (url: string, init: RequestInit) => fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), 'x-test-sent-at': String(clock.now()) } });
    const paced = adminClient(s.baseUrl, { clock, fetch: stamping, pacing: { minIntervalMs: 100, maxConcurrent: cap } }).client;
    await Promise.all(Array.from({ length: total }, () => paced.getEnvironment(DEV_ID)));
    expect(received).toBe(total);
    expect(maxInFlight).toBe(cap);
    const gaps = arrivals.slice(1).map((at, i) => at - arrivals[i]!);
    expect(gaps).toEqual([100, 100, 100, 100]);
    expect(clock.sleeps).toEqual([100, 100, 100, 100]);
  });
});
