import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import type { Io } from '../../src/cli/io';
import { startLocalTerra, type LocalTerraServer } from '../support/local-terra-server';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';
import { REPO, assertBuilt, projectCopy, removeProjects, runSmokeCli } from './cli-process';

const API_KEY = 'contract-api-key-Vb81kQ';
const SIGNING_SECRET = 'contract-signing-secret-Lr27';
const SECRETS = { TERRA_API_KEY: API_KEY, TERRA_WEBHOOK_SIGNING_SECRET: SIGNING_SECRET };

let server: LocalTerraServer;
let receiver: WebhookReceiver;
beforeAll(async () => {
  assertBuilt();
  server = await startLocalTerra({ apiKey: API_KEY });
  receiver = await startWebhookReceiver({ kind: 'verify', secret: SIGNING_SECRET });
});
afterAll(async () => {
  await Promise.all([server.close(), receiver.close()]);
  removeProjects();
});

const noSecrets = (text: string) => {
  expect(text).not.toContain(API_KEY);
  expect(text).not.toContain(SIGNING_SECRET);
};

describe('smoke usage and configuration errors: exit 2, no stack trace, no request to Terra', () => {
  let before = 0;
  beforeAll(() => void (before = server.requests.length));
  afterEach(() => expect(server.requests.length).toBe(before));

  const cases: Array<[string, string[], Record<string, string>, RegExp]> = [
    ['no --env', [], SECRETS, /terra-iac: --env NAME is required\n {2}hint: name the environment to test/],
    ['an unknown environment', ['--env', 'qa'], SECRETS, /unknown environment "qa": no config\/qa\.yaml \(known: production, staging, testing\)/],
    ['an unknown check in --skip', ['--env', 'testing', '--skip', 'webhook.delivry'], SECRETS, /--skip: unknown check "webhook\.delivry"\n {2}hint: did you mean webhook\.delivery\?/],
    ['a bad --timeout-ms', ['--env', 'testing', '--timeout-ms', '5s'], SECRETS, /--timeout-ms must be a whole number of milliseconds from 100 to 120000; got "5s"/],
    ['a non-http --api-base-url', ['--env', 'testing', '--api-base-url', 'ftp://x'], SECRETS, /--api-base-url must be an http\(s\) URL; got "ftp:\/\/x"/],
    ['a bad --format', ['--env', 'testing', '--format', 'yaml'], SECRETS, /--format must be one of text, json; got "yaml"/],
    ['a TERRA_API_BASE_URL that is not a URL', ['--env', 'testing'], { ...SECRETS, TERRA_API_BASE_URL: 'api.tryterra.co' }, /TERRA_API_BASE_URL must be an http\(s\) URL; got "api\.tryterra\.co"/],
    ['TERRA_API_KEY missing', ['--env', 'testing'], { TERRA_WEBHOOK_SIGNING_SECRET: SIGNING_SECRET }, /terra-iac: TERRA_API_KEY is not set\n {2}hint: export TERRA_API_KEY with the API key of dev-id acme-health-testing-Q7mK2p/],
    ['the signing secret missing while a webhook is configured', ['--env', 'testing'], { TERRA_API_KEY: API_KEY }, /TERRA_WEBHOOK_SIGNING_SECRET is not set, so the webhook cannot be tested\n {2}hint: .*or add --skip webhook\.delivery/],
  ];

  it.each(cases)('%s', async (_name, args, env, message) => {
    const run = await runSmokeCli(args, env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    noSecrets(run.stdout + run.stderr);
  });

  it('refuses an environment with validation errors and prints them located', async () => {
    const broken = readFileSync(join(REPO, 'config', 'testing.yaml'), 'utf8').replace('devId: acme-health-testing-Q7mK2p', 'devId: "no spaces allowed"');
    const dir = projectCopy({ 'config/testing.yaml': broken });
    const run = await runSmokeCli(['--env', 'testing', '--api-base-url', server.baseUrl], SECRETS, dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/config\/testing\.yaml:8:10 error /);
    expect(run.stderr).toContain('terra-iac: config/testing.yaml has errors, so it cannot be smoke-tested\n  hint: fix them first (terra-iac validate --env testing)');
    noSecrets(run.stdout + run.stderr);
  });
});

describe('where the base URL and secrets come from', () => {
  it('TERRA_API_BASE_URL is used without --api-base-url, and the flag wins over it', async () => {
    const viaEnv = await runSmokeCli(['--env', 'testing', '--webhook-url', receiver.url, '--format', 'json'], { ...SECRETS, TERRA_API_BASE_URL: `${server.origin}/api/v2` });
    expect(viaEnv.code).toBe(0);
    expect(server.requests.some((r) => r.path.startsWith('/api/v2/'))).toBe(true);
    const flagWins = await runSmokeCli(['--env', 'testing', '--api-base-url', server.baseUrl, '--webhook-url', receiver.url, '--format', 'json'], {
      ...SECRETS,
      TERRA_API_BASE_URL: 'http://127.0.0.1:9/v2',
    });
    expect(flagWins.code).toBe(0);
    noSecrets(viaEnv.stdout + viaEnv.stderr + flagWins.stdout + flagWins.stderr);
  });

  it('reads a { fromEnv } API key reference when TERRA_API_KEY is not set', async () => {
    const text = readFileSync(join(REPO, 'config', 'testing.yaml'), 'utf8').replace('apiKey: { fromStackConfig: terraApiKey }', 'apiKey: { fromEnv: ACME_TERRA_KEY_TESTING }');
    const dir = projectCopy({ 'config/testing.yaml': text });
    const run = await runSmokeCli(['--env', 'testing', '--api-base-url', server.baseUrl, '--skip', 'webhook.delivery', '--skip', 'webhook.rejects-forged', '--format', 'json'], { ACME_TERRA_KEY_TESTING: API_KEY }, dir);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).checks.filter((c: { status: string }) => c.status === 'skip').map((c: { id: string }) => c.id)).toEqual(['webhook.delivery', 'webhook.rejects-forged', 'webhook.recent-deliveries']);
    noSecrets(run.stdout + run.stderr);
  });
});

describe('on a TTY', () => {
  function ttyIo(env: Record<string, string>): Io & { chunks: string[] } {
    const chunks: string[] = [];
    return { chunks, stdout: (t) => chunks.push(t), stderr: (t) => chunks.push(`ERR ${t}`), env, cwd: REPO, isTTY: true };
  }
  const args = () => ['--env', 'testing', '--api-base-url', server.baseUrl, '--webhook-url', receiver.url];

  it('shows each check as it finishes, in colour, then the summary', async () => {
    const io = ttyIo(SECRETS);
    expect(await main(['smoke', ...args()], io)).toBe(0);
    const checkLines = io.chunks.slice(1, -1);
    expect(checkLines).toHaveLength(9);
    // Without TERRA_ADMIN_TOKEN the delivery history is not read: the one skip.
    for (const line of checkLines) expect(line).toMatch(/^\x1b\[(32mPASS\x1b\[0m \S+|2mSKIP\x1b\[0m webhook\.recent-deliveries) .*\n$/);
    expect(io.chunks.at(-1)).toBe('testing: 8 passed, 0 warnings, 0 failed, 1 skipped\n');
    noSecrets(io.chunks.join(''));
  });

  it('drops the colour with NO_COLOR', async () => {
    const io = ttyIo({ ...SECRETS, NO_COLOR: '1' });
    expect(await main(['smoke', ...args()], io)).toBe(0);
    expect(io.chunks.join('')).not.toContain('\x1b[');
  });
});
