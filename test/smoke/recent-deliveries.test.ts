import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startLocalTerraAdmin, type AdminWebhookEvent, type LocalTerraAdmin } from '../support/local-terra-admin';
import { startLocalTerra, type LocalTerraServer } from '../support/local-terra-server';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';
import { assertBuilt, removeProjects, runSmokeCli } from './cli-process';

const DEV = 'acme-health-testing-Q7mK2p';
const API_KEY = 'deliveries-api-key-Pq73xZ';
const SIGNING_SECRET = 'deliveries-signing-secret-Wm41';
const SECRETS = { TERRA_API_KEY: API_KEY, TERRA_WEBHOOK_SIGNING_SECRET: SIGNING_SECRET };

let terra: LocalTerraServer;
let receiver: WebhookReceiver;
let admin: LocalTerraAdmin | undefined;
beforeAll(async () => {
  assertBuilt();
  terra = await startLocalTerra({ apiKey: API_KEY });
  receiver = await startWebhookReceiver({ kind: 'verify', secret: SIGNING_SECRET });
});
afterEach(async () => {
  await admin?.close();
  admin = undefined;
});
afterAll(async () => {
  await Promise.all([terra.close(), receiver.close()]);
  removeProjects();
});

const ago = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
let n = 0;
function event(hoursAgo: number, httpStatus: number, destinationType = 'webhook'): AdminWebhookEvent {
  n += 1;
  return {
    eventId: `evt-${n}`,
    sentAt: ago(hoursAgo),
    dataType: 'activity',
    provider: 'garmin',
    destinationType,
    httpStatus,
    responseTimeMs: 120,
    bytes: 2048,
    connectionId: `${1937251889234671616n + BigInt(n)}`,
  };
}

/** Smoke's JSON report, the recent-deliveries line, and every output for the leak check. */
async function smoke(env: Record<string, string>, extra: string[] = []) {
  const run = await runSmokeCli(['--env', 'testing', '--api-base-url', terra.baseUrl, '--webhook-url', receiver.url, '--format', 'json', ...extra], { ...SECRETS, ...env });
  const report = JSON.parse(run.stdout) as { checks: Array<{ id: string; status: string; message: string }> };
  return { run, check: report.checks.find((c) => c.id === 'webhook.recent-deliveries')! };
}

function noSecrets(texts: string[], token?: string) {
  for (const text of texts) {
    expect(text).not.toContain(API_KEY);
    expect(text).not.toContain(SIGNING_SECRET);
    if (token) expect(text).not.toContain(token);
  }
}

describe('smoke check webhook.recent-deliveries', () => {
  it('is skipped with the reason when no admin token is given, and sends nothing to the admin API', async () => {
    admin = await startLocalTerraAdmin({ seed: { environments: { [DEV]: { events: [event(1, 500)] } } } });
    const { run, check } = await smoke({}, ['--admin-base-url', admin.baseUrl]);
    expect(run.code).toBe(0);
    expect(check).toMatchObject({ status: 'skip', message: "no admin token given (TERRA_ADMIN_TOKEN, scope events:read), so Terra's delivery history was not read" });
    expect(admin.requests).toEqual([]);
  });

  it('is skipped when a token is given but no admin base URL', async () => {
    admin = await startLocalTerraAdmin({ seed: { environments: { [DEV]: {} } } });
    const token = admin.issueToken({ scopes: ['events:read'] });
    const { run, check } = await smoke({ TERRA_ADMIN_TOKEN: token });
    expect(run.code).toBe(0);
    expect(check.status).toBe('skip');
    expect(check.message).toContain('no admin API base URL');
    noSecrets([run.stdout, run.stderr], token);
  });

  it('passes when no delivery to the webhook failed in the window (older failures and other destinations do not count)', async () => {
    admin = await startLocalTerraAdmin({
      seed: { environments: { [DEV]: { events: [event(1, 200), event(30, 500), event(2, 503, 's3')] } } },
    });
    const token = admin.issueToken({ scopes: ['events:read'] });
    const { run, check } = await smoke({ TERRA_ADMIN_TOKEN: token }, ['--admin-base-url', admin.baseUrl]);
    expect(run.code).toBe(0);
    expect(check.status).toBe('pass');
    expect(check.message).toMatch(/^no failed webhook deliveries in the last 24 h \(since \d{4}-/);
    const asked = admin.requests.filter((r) => r.operationId === 'listWebhookEvents');
    expect(asked).toHaveLength(1);
    expect(asked[0]!.query).toMatchObject({ outcome: 'failed', limit: '100' });
    expect(Date.now() - Date.parse(asked[0]!.query.since!)).toBeGreaterThan(23.9 * 3_600_000);
    expect(admin.requests.every((r) => r.method === 'GET')).toBe(true);
    noSecrets([run.stdout, run.stderr], token);
  });

  it('reports the count, the last HTTP status and when, and warns above the threshold', async () => {
    const failures = [event(5, 502), event(3, 500), event(0.5, 401)];
    admin = await startLocalTerraAdmin({ seed: { environments: { [DEV]: { events: [...failures, event(0.2, 200)] } } } });
    const token = admin.issueToken({ scopes: ['events:read'] });
    const warned = await smoke({ TERRA_ADMIN_TOKEN: token }, ['--admin-base-url', admin.baseUrl]);
    expect(warned.run.code).toBe(0);
    expect(warned.check.status).toBe('warn');
    expect(warned.check.message).toContain(`3 failed webhook deliveries in the last 24 h`);
    expect(warned.check.message).toContain(`the last at ${failures[2]!.sentAt} got HTTP 401 (activity from garmin)`);
    expect(warned.check.message).toContain('more than the 0 allowed');

    const within = await smoke({ TERRA_ADMIN_TOKEN: token }, ['--admin-base-url', admin.baseUrl, '--deliveries-warn-above', '3', '--deliveries-window-hours', '4']);
    expect(within.check.status).toBe('pass');
    expect(within.check.message).toMatch(/^2 failed webhook deliveries in the last 4 h .*got HTTP 401.*; at most 3 allowed$/);
    noSecrets([warned.run.stdout, warned.run.stderr, within.run.stdout, within.run.stderr], token);
  });

  it('counts across pages of the keyset cursor', async () => {
    const many = Array.from({ length: 130 }, (_, i) => event(1 + i / 100, 500));
    admin = await startLocalTerraAdmin({ seed: { environments: { [DEV]: { events: many } } } });
    const token = admin.issueToken({ scopes: ['events:read'] });
    const { check } = await smoke({ TERRA_ADMIN_TOKEN: token }, ['--admin-base-url', admin.baseUrl]);
    expect(check.message).toMatch(/^130 failed webhook deliveries/);
    expect(admin.requests.filter((r) => r.operationId === 'listWebhookEvents')).toHaveLength(2);
  });

  it('warns (never fails the run) when the token lacks events:read, naming the scope', async () => {
    admin = await startLocalTerraAdmin({ seed: { environments: { [DEV]: { events: [event(1, 500)] } } } });
    const token = admin.issueToken({ scopes: ['providers:read'] });
    const { run, check } = await smoke({ TERRA_ADMIN_TOKEN: token }, ['--admin-base-url', admin.baseUrl]);
    expect(run.code).toBe(0);
    expect(check.status).toBe('warn');
    expect(check.message).toContain("Terra's delivery history could not be read");
    expect(check.message).toContain('events:read');
    noSecrets([run.stdout, run.stderr], token);
  });

  it('rejects a bad threshold as a usage error', async () => {
    const run = await runSmokeCli(['--env', 'testing', '--deliveries-window-hours', '0'], SECRETS);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--deliveries-window-hours must be a whole number from 1 to 336; got "0"');
  });
});
