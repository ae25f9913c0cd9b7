import { afterEach, describe, expect, it } from 'vitest';
import { runSmokeTest, type SmokeOptions } from '../../../src/terra/smoke/run-smoke';
import type { CheckId, CheckResult, DeclaredProvider, SmokeReport, SmokeTarget } from '../../../src/terra/smoke/smoke-types';
import { startLocalTerra, type LocalTerraOptions, type LocalTerraServer } from '../../support/local-terra-server';
import { TESTING_DEV_ID, TESTING_ENABLED } from '../../support/local-terra-server-data';
import { startWebhookReceiver, type ReceiverMode, type WebhookReceiver } from '../../support/webhook-receiver';

const API_KEY = 'run-smoke-key-Hq72LmP0';
const SIGNING_SECRET = 'run-smoke-signing-secret-Wc3';
const WEB = new Set(['GARMIN', 'FITBIT', 'OURA', 'POLAR', 'STRAVA', 'GOOGLE']);
const PROVIDERS: DeclaredProvider[] = TESTING_ENABLED.map((code) => ({ code, enabled: true, surface: WEB.has(code) ? 'web' : 'mobile-sdk' }));

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

interface Setup {
  terra?: LocalTerraOptions;
  receiver?: ReceiverMode;
  target?: Partial<SmokeTarget>;
  options?: SmokeOptions;
}

async function run(setup: Setup = {}): Promise<{ report: SmokeReport; server: LocalTerraServer; receiver: WebhookReceiver; byId: (id: CheckId) => CheckResult }> {
  const server = await startLocalTerra({ apiKey: API_KEY, ...setup.terra });
  const receiver = await startWebhookReceiver(setup.receiver ?? { kind: 'verify', secret: SIGNING_SECRET });
  closers.push(() => server.close(), () => receiver.close());
  const target: SmokeTarget = {
    environment: 'testing',
    tier: 'testing',
    devId: TESTING_DEV_ID,
    apiBaseUrl: server.baseUrl,
    apiKey: API_KEY,
    webhookUrl: receiver.url,
    signingSecret: SIGNING_SECRET,
    providers: PROVIDERS,
    ...setup.target,
  };
  const report = await runSmokeTest(target, { timeoutMs: 3000, ...setup.options });
  // Every test searches the whole report for the secrets it used.
  const text = JSON.stringify(report);
  expect(text).not.toContain(API_KEY);
  expect(text).not.toContain(SIGNING_SECRET);
  return { report, server, receiver, byId: (id) => report.checks.find((c) => c.id === id)! };
}

const statuses = (report: SmokeReport) => Object.fromEntries(report.checks.map((c) => [c.id, c.status]));

describe('runSmokeTest', () => {
  it('passes every check against a healthy Terra and a verifying receiver', async () => {
    const { report, receiver } = await run();
    expect(report.environment).toBe('testing');
    expect(report.checks.map((c) => c.status)).toEqual([...Array(8).fill('pass'), 'skip']);
    for (const check of report.checks) expect(check.durationMs).toBeGreaterThanOrEqual(0);
    // One signed delivery accepted, one forged refused, both carrying both header names.
    expect(receiver.deliveries.map((d) => d.answered).sort()).toEqual([200, 401]);
    for (const d of receiver.deliveries) expect(d.headers['terra-signature']).toBe(d.headers['x-terra-signature']);
    expect(JSON.parse(receiver.deliveries[0]!.body)).toMatchObject({ type: 'healthcheck' });
  });

  it('runs independent checks concurrently and shares the calls they have in common', async () => {
    const { server } = await run({ terra: { latencyMs: 300 } });
    // With 300 ms on every answer, sequential checks would never hold more than one request at a time.
    expect(server.maxInFlight()).toBeGreaterThanOrEqual(4);
    const paths = server.requests.map((r) => r.path.split('?')[0]);
    expect(paths.filter((p) => p === '/v2/integrations')).toHaveLength(1);
    expect(paths.filter((p) => p === '/v2/subscriptions')).toHaveLength(1);
  });

  it('fails providers.enabled for a declared provider Terra has off, and warns on undeclared ones (drift)', async () => {
    const off = await run({ terra: { enabled: TESTING_ENABLED.filter((c) => c !== 'POLAR') } });
    expect(off.byId('providers.enabled')).toMatchObject({ status: 'fail' });
    expect(off.byId('providers.enabled').message).toMatch(/not enabled in Terra for dev-id acme-health-testing-Q7mK2p: POLAR; enable them/);
    const drift = await run({ terra: { enabled: [...TESTING_ENABLED, 'WITHINGS'] } });
    expect(drift.byId('providers.enabled')).toMatchObject({ status: 'warn' });
    expect(drift.byId('providers.enabled').message).toContain('enabled in Terra but not declared: WITHINGS');
  });

  it('fails providers.known for a code Terra does not list, with a did-you-mean', async () => {
    const { byId } = await run({ target: { providers: [...PROVIDERS, { code: 'GARMN', enabled: false, surface: 'unknown' }] } });
    expect(byId('providers.known')).toMatchObject({ status: 'fail' });
    expect(byId('providers.known').message).toContain('Terra does not list GARMN (did you mean GARMIN?)');
  });

  it('judges the user quota: pass, warn from 80 %, fail at 50, skip in production', async () => {
    expect((await run({ terra: { users: 39 } })).byId('users.quota')).toMatchObject({ status: 'pass', message: '39 of 50 users connected (78 %)' });
    expect((await run({ terra: { users: 40 } })).byId('users.quota').status).toBe('warn');
    const full = (await run({ terra: { users: 50 } })).byId('users.quota');
    expect(full.status).toBe('fail');
    expect(full.message).toMatch(/^50 of 50 users connected \(100 %\): the testing limit is reached/);
    expect((await run({ terra: { users: 50 }, target: { tier: 'production' } })).byId('users.quota')).toMatchObject({ status: 'skip' });
  });

  it('fails webhook.rejects-forged when the receiver accepts everything', async () => {
    const { report, byId } = await run({ receiver: { kind: 'accept-all' } });
    expect(byId('webhook.delivery').status).toBe('pass');
    expect(byId('webhook.rejects-forged')).toMatchObject({ status: 'fail' });
    expect(byId('webhook.rejects-forged').message).toContain('accepted an event with a forged signature (HTTP 200)');
    expect(report.checks.filter((c) => c.status === 'fail')).toHaveLength(1);
  });

  it('fails webhook.delivery when the receiver holds another signing secret', async () => {
    const { byId } = await run({ receiver: { kind: 'verify', secret: 'some-other-destination-secret' } });
    expect(byId('webhook.delivery')).toMatchObject({ status: 'fail' });
    expect(byId('webhook.delivery').message).toContain('refused a correctly signed event (HTTP 401); the receiver verifies with another signing secret');
    expect(byId('webhook.rejects-forged').status).toBe('pass');
  });

  it('fails both webhook checks on a redirect and on a crashing receiver', async () => {
    const redirect = await run({ receiver: { kind: 'status', status: 302, location: 'https://elsewhere.example/hook' } });
    expect(redirect.byId('webhook.delivery').message).toContain('answered a redirect (HTTP 302)');
    expect(redirect.byId('webhook.rejects-forged').status).toBe('fail');
    const crash = await run({ receiver: { kind: 'status', status: 500 }, options: { retry: { maxRetries: 1, baseDelayMs: 10, maxDelayMs: 10 } } });
    expect(crash.byId('webhook.delivery').message).toContain('answered HTTP 500 (after 2 attempts)');
    expect(crash.byId('webhook.rejects-forged').status).toBe('fail');
  });

  it('skips what does not apply and what was asked to be skipped', async () => {
    const { byId, server } = await run({
      target: { webhookUrl: undefined, providers: PROVIDERS.filter((p) => p.surface === 'mobile-sdk') },
      options: { skip: ['credentials.valid'] },
    });
    expect(byId('widget.session')).toMatchObject({ status: 'skip' });
    expect(byId('webhook.delivery').message).toMatch(/^no webhook configured/);
    expect(byId('webhook.rejects-forged').status).toBe('skip');
    expect(byId('credentials.valid')).toMatchObject({ status: 'skip', message: 'skipped on request (--skip credentials.valid)' });
    expect(server.requests.some((r) => r.path.includes('generateWidgetSession'))).toBe(false);
  });

  it('redacts the API key when Terra echoes it back in an error', async () => {
    const { report, byId } = await run({ terra: { apiKey: 'the-right-key', faults: { echoKey: true } } });
    expect(byId('credentials.valid').status).toBe('fail');
    expect(byId('credentials.valid').message).toContain('[REDACTED]');
    expect(statuses(report)['users.quota']).toBe('skip');
  });

  it('stays within the time limit when Terra hangs', async () => {
    const started = Date.now();
    const { report } = await run({ terra: { faults: { delayMs: 10_000 } }, options: { timeoutMs: 800 } });
    expect(Date.now() - started).toBeLessThan(2500);
    expect(statuses(report)).toMatchObject({ 'api.reachable': 'fail', 'credentials.valid': 'fail', 'webhook.delivery': 'pass' });
  });

  it('reports each result as it finishes, in completion order', async () => {
    const seen: string[] = [];
    const { report } = await run({ options: { onResult: (r) => seen.push(r.id) } });
    expect([...seen].sort()).toEqual(report.checks.map((c) => c.id).sort());
  });
});
