import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TerraSmokeTest, registerSmokeTest, smokeTestArgs } from '../../src/infra/smoke-test';
import { PROVIDER_NOT_SERIALIZED } from '../../src/infra/dynamic-provider-mode';
import { SmokeTestFailedError, smokeTestProvider, type SmokeTestInputs } from '../../src/infra/smoke-test-provider';
import type { Environment } from '../../src/model/environment';
import { startLocalTerra, type LocalTerraServer } from '../support/local-terra-server';
import { startRawServer } from '../support/raw-http-server';
import { TESTING_DEV_ID, TESTING_ENABLED } from '../support/local-terra-server-data';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';
import { REPO } from './cli-process';

const API_KEY = 'pulumi-smoke-key-Tn55wq';
const SIGNING_SECRET = 'pulumi-smoke-signing-Bx90';

let server: LocalTerraServer;
let fullServer: LocalTerraServer;
let receiver: WebhookReceiver;
const work = mkdtempSync(join(tmpdir(), 'terra-iac-smoke-resource-'));

beforeAll(async () => {
  server = await startLocalTerra({ apiKey: API_KEY });
  fullServer = await startLocalTerra({ apiKey: API_KEY, users: 50, faults: { echoKey: true } });
  receiver = await startWebhookReceiver({ kind: 'verify', secret: SIGNING_SECRET });
});
afterAll(async () => {
  await Promise.all([server.close(), fullServer.close(), receiver.close()]);
  rmSync(work, { recursive: true, force: true });
});

const model = {
  terra: { devId: TESTING_DEV_ID, apiKey: { fromStackConfig: 'terraApiKey' } },
  webhook: { url: 'https://hooks.testing.acme-health.example/terra/events', signingSecret: { fromStackConfig: 'terraWebhookSigningSecret' } },
  providers: Object.fromEntries(TESTING_ENABLED.map((code) => [code, {}])),
} as unknown as Environment;

function inputs(overrides: Partial<SmokeTestInputs> = {}): SmokeTestInputs {
  const args = smokeTestArgs('testing', model, 'testing', { apiKey: API_KEY, webhookSigningSecret: SIGNING_SECRET }, 3000);
  return { ...(args as unknown as SmokeTestInputs), apiBaseUrl: server.baseUrl, webhookUrl: receiver.url, ...overrides };
}

const withoutSecrets = (text: string) => {
  expect(text).not.toContain(API_KEY);
  expect(text).not.toContain(SIGNING_SECRET);
};

describe('the smoke test provider (create / diff / update)', () => {
  it('diff always reports a change, so the test runs on every pulumi up', async () => {
    expect(await smokeTestProvider.diff!('terra-smoke-testing', {}, inputs())).toEqual({ changes: true });
  });

  it('create runs the checks and records results without the credentials', async () => {
    const result = await smokeTestProvider.create(inputs());
    expect(result.id).toBe('terra-smoke-testing');
    expect(result.outs.summary).toBe('testing: 8 passed, 0 warnings, 0 failed, 1 skipped');
    expect(result.outs.checks).toHaveLength(9);
    expect(Object.keys(result.outs).sort()).toEqual(['apiBaseUrl', 'checks', 'devId', 'environment', 'ranAt', 'summary', 'webhookUrl']);
    withoutSecrets(JSON.stringify(result));
  });

  it('update runs again and returns the outputs (not wiping them)', async () => {
    const first = await smokeTestProvider.create(inputs());
    const second = await smokeTestProvider.update!('terra-smoke-testing', first.outs, inputs());
    expect(second.outs.summary).toBe(first.outs.summary);
    expect(Date.parse(second.outs.ranAt)).toBeGreaterThanOrEqual(Date.parse(first.outs.ranAt));
  });

  it('a failing check fails create and update with the redacted report', async () => {
    const failing = inputs({ apiBaseUrl: fullServer.baseUrl, apiKey: 'pulumi-wrong-key-echoed-1' });
    for (const attempt of [() => smokeTestProvider.create(failing), () => smokeTestProvider.update!('id', {}, failing)]) {
      const error = await attempt().then(() => undefined, (e: unknown) => e as Error);
      expect(error).toBeInstanceOf(SmokeTestFailedError);
      expect(error!.message).toMatch(/^Terra smoke test failed for environment testing:\n/);
      expect(error!.message).toMatch(/FAIL credentials\.valid .*\(received x-api-key \[REDACTED\]\)/);
      expect(error!.message).toContain('pulumi config set smokeTest false');
      expect(error!.message).not.toContain('pulumi-wrong-key-echoed-1');
      withoutSecrets(`${error!.message} ${error!.stack}`);
    }
  });
});

describe('TerraSmokeTest under pulumi.runtime.setMocks', () => {
  it('registers with its own type token and secret credentials, and its serialized provider runs on its own', async () => {
    const seen: pulumi.runtime.MockResourceArgs[] = [];
    pulumi.runtime.setMocks(
      {
        newResource: (args) => {
          seen.push(args);
          return { id: `${args.name}-id`, state: { summary: 'mocked' } };
        },
        call: (args) => {
          throw new Error(`unexpected call ${args.token}`);
        },
      },
      'terra-iac',
      'testing',
    );
    const resource = new TerraSmokeTest('testing-smoke', { ...smokeTestArgs('testing', model, 'testing', { apiKey: API_KEY, webhookSigningSecret: SIGNING_SECRET }) });
    expect(await new Promise((resolve) => resource.summary.apply(resolve))).toBe('mocked');

    expect(seen).toHaveLength(1);
    const registered = seen[0]!;
    expect(registered.type).toBe('pulumi-nodejs:dynamic/terra-iac:TerraSmokeTest');
    expect(registered.name).toBe('testing-smoke');
    expect(registered.inputs).toMatchObject({ environment: 'testing', tier: 'testing', devId: TESTING_DEV_ID });
    expect(registered.inputs.providers).toHaveLength(TESTING_ENABLED.length);
    // Credentials reach the engine as secrets, and the serialized provider does not capture them.
    const secret = { [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig };
    expect(registered.inputs.apiKey).toEqual({ ...secret, value: API_KEY });
    expect(registered.inputs.webhookSigningSecret).toEqual({ ...secret, value: SIGNING_SECRET });
    const providerText = String(registered.inputs.__provider);
    withoutSecrets(providerText);

    // What Pulumi's provider host does (cmd/dynamic-provider: requireFromString(text).handler()), in a fresh process.
    const file = join(work, 'provider.js');
    writeFileSync(file, providerText);
    const outs = await runSerializedCreate(file, inputs());
    expect(outs).toMatchObject({ id: 'terra-smoke-testing', outs: { summary: 'testing: 8 passed, 0 warnings, 0 failed, 1 skipped' } });

    // The serialized provider's failures keep their messages (Pulumi turns classes into functions that
    // drop what Error's constructor sets), and a Terra that redirects elsewhere gets no API key sent on.
    const elsewhere = await startRawServer((_req, res) => void res.writeHead(200).end('{}'));
    const moved = await startRawServer((req, res) => void res.writeHead(302, { location: `${elsewhere.origin}${req.url}` }).end());
    try {
      const failure = await runSerializedCreate(file, inputs({ apiBaseUrl: `${moved.origin}/v2`, skip: ['webhook.delivery', 'webhook.rejects-forged'] })).then(
        () => undefined,
        (e: Error) => e.message,
      );
      expect(failure).toContain('Terra smoke test failed for environment testing:');
      expect(failure).toMatch(new RegExp(`FAIL api\\.reachable .*GET /integrations was redirected \\(HTTP 302\\) to another host, 127\\.0\\.0\\.1:${elsewhere.port}`));
      withoutSecrets(failure ?? '');
      expect(moved.requests.length).toBeGreaterThan(0);
      expect(elsewhere.requests).toHaveLength(0);
    } finally {
      await Promise.all([moved.close(), elsewhere.close()]);
    }
  });
});

describe('registerSmokeTest: how the program registers the smoke test', () => {
  it('with skip (plan) registers the same type, name and inputs as with serialize (pulumi up), only not the provider', async () => {
    const seen: pulumi.runtime.MockResourceArgs[] = [];
    pulumi.runtime.setMocks(
      {
        newResource: (args) => {
          seen.push(args);
          return { id: `${args.name}-id`, state: { ...args.inputs, summary: `mocked ${args.name}` } };
        },
        call: (args) => {
          throw new Error(`unexpected call ${args.token}`);
        },
      },
      'terra-iac',
      'testing',
    );
    const args = smokeTestArgs('testing', model, 'testing', { apiKey: API_KEY, webhookSigningSecret: SIGNING_SECRET });
    const up = registerSmokeTest('up-smoke', args, undefined, 'serialize');
    const plan = registerSmokeTest('plan-smoke', args, undefined, 'skip');
    expect(up).toBeInstanceOf(TerraSmokeTest);
    expect(plan).not.toBeInstanceOf(TerraSmokeTest);
    const summary = (r: pulumi.CustomResource) => new Promise((resolve) => (r as TerraSmokeTest).summary.apply(resolve));
    expect(await summary(plan)).toBe('mocked plan-smoke');
    expect(await summary(up)).toBe('mocked up-smoke');

    const [registeredUp, registeredPlan] = [seen.find((r) => r.name === 'up-smoke')!, seen.find((r) => r.name === 'plan-smoke')!];
    expect(registeredPlan.type).toBe(registeredUp.type);
    expect(registeredPlan.inputs.__provider).toBe(PROVIDER_NOT_SERIALIZED);
    expect(String(registeredUp.inputs.__provider)).toContain('exports.handler');
    const { __provider: _up, ...upInputs } = registeredUp.inputs;
    const { __provider: _plan, ...planInputs } = registeredPlan.inputs;
    expect(planInputs).toEqual(upInputs);
    const secret = { [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig };
    expect(planInputs.apiKey).toEqual({ ...secret, value: API_KEY });
    expect(planInputs.webhookSigningSecret).toEqual({ ...secret, value: SIGNING_SECRET });
  });
});

function runSerializedCreate(file: string, args: SmokeTestInputs): Promise<unknown> {
  const script = `
    const text = require('fs').readFileSync(${JSON.stringify(file)}, 'utf8');
    const provider = require('require-from-string')(text).handler();
    provider.create(JSON.parse(process.env.SMOKE_INPUTS)).then(
      (r) => process.stdout.write(JSON.stringify(r)),
      (e) => { process.stderr.write(e.message); process.exitCode = 1; });`;
  const child = spawn(process.execPath, ['-e', script], {
    cwd: work,
    env: { PATH: process.env.PATH ?? '', NODE_PATH: join(REPO, 'node_modules'), SMOKE_INPUTS: JSON.stringify(args) },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c));
  child.stderr.on('data', (c: Buffer) => (stderr += c));
  return new Promise((resolve, reject) =>
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(stdout)) : reject(new Error(`serialized provider failed: ${stderr}`)))),
  );
}
