import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TerraSource, TerraSourceCredentials, TerraWebhookDestination } from '../../../src/infra/terra/terra-resources';
import { OPERATION_SCOPES, startLocalTerraAdmin, type LocalTerraAdmin } from '../../support/local-terra-admin';
import { REPO } from '../../smoke/cli-process';

const DEV_ID = 'acme-health-testing-Q7mK2p';
const CLIENT_SECRET = 'serialized-client-secret-Vn27';
const work = mkdtempSync(join(tmpdir(), 'terra-iac-terra-provider-'));
let admin: LocalTerraAdmin;

beforeAll(async () => {
  admin = await startLocalTerraAdmin({ seed: { environments: { [DEV_ID]: {} } } });
});
afterAll(async () => {
  await admin.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the Terra provider as Pulumi serializes it', () => {
  it('registers with its type tokens and secret outputs, and runs create/diff/read/update in a fresh process', async () => {
    const seen: pulumi.runtime.MockResourceArgs[] = [];
    pulumi.runtime.setMocks(
      {
        newResource: (args) => {
          seen.push(args);
          return { id: `${args.name}-id`, state: args.inputs };
        },
        call: (args) => {
          throw new Error(`unexpected call ${args.token}`);
        },
      },
      'terra-iac',
      'testing',
    );
    const common = { environment: 'testing', devId: DEV_ID, adminBaseUrl: admin.baseUrl, providerVersion: 'test+1' };
    const source = new TerraSource('testing-source-garmin', { ...common, provider: 'GARMIN', adminCode: 'garmin', enabled: true });
    const credentials = new TerraSourceCredentials('testing-credentials-strava', { ...common, provider: 'STRAVA', adminCode: 'strava', clientId: 'acme-1', clientSecret: CLIENT_SECRET });
    const webhook = new TerraWebhookDestination('testing-webhook', { ...common, url: 'https://hooks.testing.example/serialized', active: true });
    await Promise.all([source, credentials, webhook].map((r) => new Promise((resolve) => r.urn.apply(resolve))));
    await new Promise((resolve) => webhook.adopted.apply(resolve));

    expect(seen.map((s) => s.type).sort()).toEqual([
      'pulumi-nodejs:dynamic/terra-iac:TerraSource',
      'pulumi-nodejs:dynamic/terra-iac:TerraSourceCredentials',
      'pulumi-nodejs:dynamic/terra-iac:TerraWebhookDestination',
    ]);
    const secret = { [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig };
    expect(seen.find((s) => s.name === 'testing-credentials-strava')!.inputs.clientSecret).toEqual({ ...secret, value: CLIENT_SECRET });
    const texts = new Set(seen.map((s) => String(s.inputs.__provider)));
    expect(texts.size).toBe(1);
    const providerText = [...texts][0]!;
    expect(providerText).not.toContain(CLIENT_SECRET);

    const token = admin.issueToken({ scopes: OPERATION_SCOPES });
    const file = join(work, 'provider.js');
    writeFileSync(file, providerText);
    const run = await runSerialized(file, token, {
      source: { kind: 'source', ...common, provider: 'GARMIN', adminCode: 'garmin', enabled: true },
      credentials: { kind: 'credentials', ...common, provider: 'STRAVA', adminCode: 'strava', clientId: 'acme-1', clientSecret: CLIENT_SECRET },
      webhook: { kind: 'webhook', ...common, url: 'https://hooks.testing.example/serialized', active: true },
      dataTypes: { kind: 'dataTypes', ...common, types: ['ACTIVITY', 'SLEEP'], samples: true },
      dataFields: { kind: 'dataFields', ...common, dataType: 'activity', fields: ['distance_metres', 'steps'] },
      processing: { kind: 'processing', ...common, type: 'fhir' },
      widget: { kind: 'widget', ...common, name: 'Acme Connect', logoUrl: 'https://cdn.acme-health.example/logo.png' },
    });
    expect(run.stdout).not.toContain(CLIENT_SECRET);
    expect(run.stdout).not.toContain(token);
    const result = JSON.parse(run.stdout) as Record<string, { id: string; outs: Record<string, unknown>; diff: unknown; readDiff: unknown }>;
    expect(result.source).toMatchObject({ id: `${DEV_ID}/sources/garmin`, outs: { enabled: true }, diff: { changes: false }, readDiff: { changes: true } });
    expect(result.credentials).toMatchObject({ outs: { clientSecretMasked: '****Vn27' }, diff: { changes: false } });
    expect(result.webhook!.outs.signingSecret).toBe(admin.state(DEV_ID).destinations[0]!.signingSecret);
    expect(admin.state(DEV_ID).sources.garmin?.active).toBe(true);
    expect(admin.state(DEV_ID).credentials.strava?.clientSecret).toBe(CLIENT_SECRET);
    for (const kind of ['dataTypes', 'dataFields', 'processing', 'widget']) expect(result[kind], kind).toMatchObject({ diff: { changes: false } });
    expect(admin.state(DEV_ID)).toMatchObject({ dataTypes: ['ATHLETE', 'ACTIVITY', 'SLEEP'], samplesEnabled: true, fields: { activity: ['distance_metres', 'steps'] }, processing: 'fhir' });
    expect(admin.state(DEV_ID).widget).toMatchObject({ widgetName: 'Acme Connect', appLogo: 'https://cdn.acme-health.example/logo.png' });

    // Created without a signing secret: the error keeps the id (so Pulumi keeps the destination in state), through serialization too.
    admin.setFaults({ noSigningSecret: true });
    const failure = await runSerialized(file, token, { webhook: { kind: 'webhook', ...common, url: 'https://hooks.testing.example/no-secret', active: true } }).then(
      () => undefined,
      (e: Error) => JSON.parse(e.message.replace('serialized provider failed: ', '')) as { message: string; id?: string },
    );
    admin.setFaults({});
    const made = admin.state(DEV_ID).destinations.find((d) => d.url === 'https://hooks.testing.example/no-secret');
    expect(failure?.message).toContain(`created webhook destination ${made?.id} but returned no signing_secret`);
    expect(failure?.id).toBe(made?.id);

    // The child got the token from its environment only, and sent it to the configured host only.
    expect(admin.requests.every((r) => r.headers.authorization === `Bearer ${token}`)).toBe(true);
  });
});

/** What Pulumi's provider host does (cmd/dynamic-provider: requireFromString(text).handler()), in a fresh process. */
function runSerialized(file: string, token: string, inputs: Record<string, Record<string, unknown>>): Promise<{ stdout: string }> {
  const script = `
    const text = require('fs').readFileSync(${JSON.stringify(file)}, 'utf8');
    const provider = require('require-from-string')(text).handler();
    const inputs = JSON.parse(process.env.TERRA_INPUTS);
    (async () => {
      const out = {};
      for (const [name, news] of Object.entries(inputs)) {
        const { inputs: checked } = await provider.check({}, news);
        const created = await provider.create(checked);
        const diff = await provider.diff(created.id, created.outs, news);
        const read = await provider.read(created.id, created.outs);
        const readDiff = name === 'source' ? await provider.diff(created.id, { ...read.props, enabled: false }, news) : undefined;
        const updated = await provider.update(created.id, read.props, news);
        out[name] = { id: created.id, outs: updated.outs, diff, readDiff };
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((e) => { process.stderr.write(JSON.stringify({ message: e.message, id: e.id })); process.exitCode = 1; });`;
  const child = spawn(process.execPath, ['-e', script], {
    cwd: work,
    env: { PATH: process.env.PATH ?? '', NODE_PATH: join(REPO, 'node_modules'), TERRA_ADMIN_TOKEN: token, TERRA_INPUTS: JSON.stringify(inputs) },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c));
  child.stderr.on('data', (c: Buffer) => (stderr += c));
  return new Promise((resolve, reject) =>
    child.on('close', (code) => (code === 0 ? resolve({ stdout }) : reject(new Error(`serialized provider failed: ${stderr}`)))),
  );
}
