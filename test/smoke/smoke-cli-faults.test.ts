import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHECK_IDS, type CheckId, type CheckStatus } from '../../src/terra/smoke/smoke-types';
import { startLocalTerra, type LocalTerraOptions } from '../support/local-terra-server';
import { TESTING_ENABLED } from '../support/local-terra-server-data';
import { startWebhookReceiver, type ReceiverMode } from '../support/webhook-receiver';
import { assertBuilt, runSmokeCli, type CliRun } from './cli-process';

// The secrets every run uses; each test searches everything the CLI printed for them.
const API_KEY = 'cli-smoke-api-key-7Jd02mQx';
const SIGNING_SECRET = 'cli-smoke-signing-secret-Pp41';

const closers: Array<() => Promise<void>> = [];
beforeAll(assertBuilt);
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

interface Scenario {
  terra?: LocalTerraOptions;
  receiver?: ReceiverMode;
  /** Stop the Terra server before the run: connection refused. */
  refuse?: boolean;
  args?: string[];
  apiKey?: string;
}

interface Outcome extends CliRun {
  statuses: Record<CheckId, CheckStatus>;
  messages: Record<CheckId, string>;
}

async function smoke(scenario: Scenario = {}): Promise<Outcome> {
  const server = await startLocalTerra({ apiKey: API_KEY, ...scenario.terra });
  const receiver = await startWebhookReceiver(scenario.receiver ?? { kind: 'verify', secret: SIGNING_SECRET });
  closers.push(() => receiver.close());
  if (scenario.refuse) await server.close();
  else closers.push(() => server.close());
  const sent = scenario.apiKey ?? API_KEY;
  const run = await runSmokeCli(
    ['--env', 'testing', '--api-base-url', server.baseUrl, '--webhook-url', receiver.url, '--format', 'json', ...(scenario.args ?? [])],
    { TERRA_API_KEY: sent, TERRA_WEBHOOK_SIGNING_SECRET: SIGNING_SECRET },
  );
  const everything = run.stdout + run.stderr;
  for (const secret of [sent, SIGNING_SECRET, API_KEY]) expect(everything).not.toContain(secret);
  expect(run.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  const report = JSON.parse(run.stdout) as { environment: string; checks: Array<{ id: CheckId; status: CheckStatus; message: string }> };
  expect(report.environment).toBe('testing');
  expect(report.checks.map((c) => c.id)).toEqual([...CHECK_IDS]);
  return {
    ...run,
    statuses: Object.fromEntries(report.checks.map((c) => [c.id, c.status])) as Outcome['statuses'],
    messages: Object.fromEntries(report.checks.map((c) => [c.id, c.message])) as Outcome['messages'],
  };
}

describe('terra-iac smoke (built CLI) against the local Terra server', () => {
  it('passes against a healthy Terra and a verifying receiver: exit 0', async () => {
    const run = await smoke();
    expect(run.code).toBe(0);
    expect(Object.values(run.statuses)).toEqual([...Array(8).fill('pass'), 'skip']);
  });

  it('passes after a 429 with Retry-After, having waited for it', async () => {
    const run = await smoke({ terra: { faults: { rateLimit: { times: 1, retryAfterSeconds: 1 } } } });
    expect(run.code).toBe(0);
    expect(run.elapsedMs).toBeGreaterThanOrEqual(1000);
  });

  const faults: Array<[string, Scenario, CheckId, RegExp]> = [
    ['401 wrong API key', { apiKey: 'cli-smoke-wrong-key-1' }, 'credentials.valid', /rejected the credentials of dev-id acme-health-testing-Q7mK2p \(GET \/subscriptions answered HTTP 401: unauthorized: dev-id or x-api-key is invalid\); set TERRA_API_KEY/],
    ['403 wrong API key', { apiKey: 'cli-smoke-wrong-key-2', terra: { faults: { wrongKeyStatus: 403 } } }, 'credentials.valid', /rejected the credentials .*HTTP 403: Invalid credentials/],
    ['404 invalid dev-id', { terra: { devId: 'someone-elses-dev-id' } }, 'credentials.valid', /Terra does not know dev-id acme-health-testing-Q7mK2p \(GET \/subscriptions answered HTTP 404: Invalid dev-id was provided\); check terra\.devId in config\/testing\.yaml/],
    ['500 always', { terra: { faults: { serverError: true } } }, 'api.reachable', /GET \/integrations answered HTTP 500: internal server error: upstream failure \(after 4 attempts\); Terra had a server error/],
    ['slower than the timeout', { terra: { faults: { delayMs: 20_000 } }, args: ['--timeout-ms', '1500'] }, 'api.reachable', /GET \/integrations gave no complete answer within 1500 ms; Terra did not answer in time; raise --timeout-ms/],
    ['malformed JSON', { terra: { faults: { malformedJson: true } } }, 'api.reachable', /GET \/integrations answered with an unexpected body: the body is not valid JSON/],
    ['connection refused', { refuse: true, args: ['--timeout-ms', '3000'] }, 'api.reachable', /GET \/integrations failed: connection refused by 127\.0\.0\.1:\d+: nothing is listening there \(after 4 attempts\)/],
    ['a provider not enabled', { terra: { enabled: TESTING_ENABLED.filter((c) => c !== 'OURA') } }, 'providers.enabled', /declared in config\/testing\.yaml but not enabled in Terra for dev-id acme-health-testing-Q7mK2p: OURA/],
    ['50 users', { terra: { users: 50 } }, 'users.quota', /^50 of 50 users connected \(100 %\): the testing limit is reached/],
    ['a receiver that accepts forged events', { receiver: { kind: 'accept-all' } }, 'webhook.rejects-forged', /accepted an event with a forged signature \(HTTP 200\): it does not verify terra-signature/],
    ['a receiver with another signing secret', { receiver: { kind: 'verify', secret: 'other-destination-secret' } }, 'webhook.delivery', /refused a correctly signed event \(HTTP 401\)/],
    ['an API key with a trailing newline', { apiKey: `${API_KEY}\n` }, 'credentials.valid', /GET \/subscriptions was not sent: the API key \(x-api-key header\) contains a line break \(CR or LF\), often a trailing newline copied along with the value; remove the stray characters/],
    ['an unknown provider code', { terra: { webProviders: ['GARMIN', 'FITBIT', 'OURA', 'STRAVA', 'GOOGLE'] } }, 'providers.known', /Terra does not list POLAR/],
  ];

  it.each(faults)('%s: the right check fails with a clear message, exit 1, in bounded time', async (_name, scenario, check, message) => {
    const run = await smoke(scenario);
    expect(run.code).toBe(1);
    expect(run.statuses[check]).toBe('fail');
    expect(run.messages[check]).toMatch(message);
    expect(run.elapsedMs).toBeLessThan(12_000);
  });

  it('keeps a key the server echoes out of every output', async () => {
    const run = await smoke({ apiKey: 'cli-smoke-echoed-key-9', terra: { faults: { echoKey: true } } });
    expect(run.code).toBe(1);
    expect(run.messages['credentials.valid']).toContain('(received x-api-key [REDACTED])');
  });

  it('text output in CI: one plain line per check in order, then the summary', async () => {
    const server = await startLocalTerra({ apiKey: API_KEY, users: 45 });
    const receiver = await startWebhookReceiver({ kind: 'verify', secret: SIGNING_SECRET });
    closers.push(() => server.close(), () => receiver.close());
    const run = await runSmokeCli(['--env', 'testing', '--api-base-url', server.baseUrl, '--webhook-url', receiver.url], {
      TERRA_API_KEY: API_KEY,
      TERRA_WEBHOOK_SIGNING_SECRET: SIGNING_SECRET,
    });
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`Smoke-testing testing (dev-id acme-health-testing-Q7mK2p) against ${server.baseUrl}`);
    expect(lines.slice(1, 10).map((l) => l.split(/\s+/).slice(0, 2).join(' '))).toEqual(
      CHECK_IDS.map((id) => `${id === 'users.quota' ? 'WARN' : id === 'webhook.recent-deliveries' ? 'SKIP' : 'PASS'} ${id}`),
    );
    expect(lines[10]).toBe('testing: 7 passed, 1 warning, 0 failed, 1 skipped');
    expect(run.stdout).not.toContain('\x1b[');
    expect(run.stdout + run.stderr).not.toContain(API_KEY);
  });
});
