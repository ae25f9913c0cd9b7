import { afterEach, describe, expect, it } from 'vitest';
import { BODY_LIMITS } from '../../../src/terra/http/body-limits';
import { runSmokeTest } from '../../../src/terra/smoke/run-smoke';
import type { SmokeTarget } from '../../../src/terra/smoke/smoke-types';
import { startLocalTerra } from '../../support/local-terra-server';
import { TESTING_DEV_ID } from '../../support/local-terra-server-data';
import { startRawServer, streamForever } from '../../support/raw-http-server';

const API_KEY = 'smoke-safeguard-key-Pq55';
const SIGNING_SECRET = 'smoke-safeguard-secret-Ux09';
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

const target = (overrides: Partial<SmokeTarget>): SmokeTarget => ({
  environment: 'testing',
  tier: 'testing',
  devId: TESTING_DEV_ID,
  apiBaseUrl: 'http://127.0.0.1:9/v2',
  apiKey: API_KEY,
  signingSecret: SIGNING_SECRET,
  providers: [{ code: 'GARMIN', enabled: true, surface: 'web' }],
  ...overrides,
});

describe('the smoke test keeps its requests on the configured hosts and its reads bounded', () => {
  it('fails the API checks on a redirect to another host, naming it, and sends that host nothing', async () => {
    const elsewhere = await startRawServer((_req, res) => void res.writeHead(200).end('{}'));
    const terra = await startRawServer((req, res) => void res.writeHead(301, { location: `${elsewhere.origin}${req.url}` }).end());
    closers.push(() => elsewhere.close(), () => terra.close());
    const report = await runSmokeTest(target({ apiBaseUrl: `${terra.origin}/v2` }), { timeoutMs: 3000, skip: ['webhook.delivery', 'webhook.rejects-forged'] });
    const reachable = report.checks.find((c) => c.id === 'api.reachable')!;
    expect(reachable.status).toBe('fail');
    expect(reachable.message).toContain(`GET /integrations was redirected (HTTP 301) to another host, 127.0.0.1:${elsewhere.port}`);
    expect(reachable.message).toContain(`point the base URL at 127.0.0.1:${elsewhere.port} yourself`);
    expect(report.checks.find((c) => c.id === 'credentials.valid')!.status).toBe('fail');
    expect(elsewhere.requests).toHaveLength(0);
    expect(JSON.stringify(report)).not.toContain(API_KEY);
  });

  it('fails webhook.delivery on a receiver that answers with an endless body, without retrying', async () => {
    const terra = await startLocalTerra({ apiKey: API_KEY });
    const receiver = await startRawServer((_req, res) => streamForever(res, Buffer.alloc(16 * 1024, 'w')));
    closers.push(() => terra.close(), () => receiver.close());
    const report = await runSmokeTest(target({ apiBaseUrl: terra.baseUrl, webhookUrl: `${receiver.origin}/hook` }), { timeoutMs: 5000 });
    const delivery = report.checks.find((c) => c.id === 'webhook.delivery')!;
    expect(delivery.status).toBe('fail');
    expect(delivery.message).toContain(`answered with a response larger than ${BODY_LIMITS.webhookAnswer} bytes`);
    expect(delivery.message).toContain('a webhook receiver acks with an empty or small body');
    // One signed and one forged delivery, neither retried.
    expect(receiver.requests).toHaveLength(2);
    const text = JSON.stringify(report);
    expect(text).not.toContain(API_KEY);
    expect(text).not.toContain(SIGNING_SECRET);
  });
});
