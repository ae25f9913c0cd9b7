import { afterEach, describe, expect, it } from 'vitest';
import { TerraAdminClient } from '../../../src/terra/admin/client';
import { executeCalls } from '../../../src/terra/admin/apply-calls';
import { desiredTerraState, type DesiredTerraState } from '../../../src/terra/admin/desired';
import { diffTerraState } from '../../../src/terra/admin/diff';
import { ALL_DATA_PARTS, readDataConfig } from '../../../src/terra/admin/live-data';
import { liveReadOperations, readLiveState } from '../../../src/terra/admin/live';
import { planCalls } from '../../../src/terra/admin/plan-calls';
import { fakeClock } from '../../support/fake-clock';
import { startLocalTerraAdmin, type AdminEnvironmentSeed, type LocalTerraAdmin, type LocalTerraAdminOptions } from '../../support/local-terra-admin';
import { yml } from '../../rules/yml';
import { modelOf } from './fixtures';

const DEV = 'acme-data-dev-id';
const READ = ['providers:read', 'destinations:read', 'dataconfig:read'];
const WRITE = [...READ, 'providers:write', 'destinations:write', 'dataconfig:write'];
let admin: LocalTerraAdmin | undefined;
afterEach(async () => {
  await admin?.close();
  admin = undefined;
});

const desiredOf = (block: string): DesiredTerraState =>
  desiredTerraState(
    'staging',
    modelOf(`owners: [{ team: platform }]\nterra: { devId: ${DEV}, apiKey: { fromStackConfig: terraApiKey } }\nproviders: {}\naws: { secretNamePrefix: acme/terra }\n${block}`),
  );

const FULL = desiredOf(yml`
  data:
    types: [ACTIVITY, BODY, DAILY, SLEEP]
    samples: true
    fields: { activity: [steps, distance_metres] }
    processing: json
  widget:
    name: Acme Connect
    logoUrl: https://cdn.acme-health.example/logo.png
`);

async function start(seed: AdminEnvironmentSeed, options: LocalTerraAdminOptions = {}, scopes = WRITE) {
  admin = await startLocalTerraAdmin({ seed: { environments: { [DEV]: seed } }, ...options });
  const TERRA_ADMIN_TOKEN = admin.issueToken({ scopes });
  const client = (readOnly: boolean) => new TerraAdminClient({ baseUrl: admin!.baseUrl, env: { TERRA_ADMIN_TOKEN }, readOnly, clock: fakeClock(), random: () => 0.5 });
  return { admin, client, TERRA_ADMIN_TOKEN };
}

const noSecrets = () => undefined;
const hooks = { secrets: noSecrets, storeSigningSecret: () => undefined };

describe('the declared data configuration and widget', () => {
  it('projects data: and widget: into the desired state, sorted, ATHLETE dropped, absent members unmanaged', () => {
    expect(FULL.data).toEqual({ types: ['ACTIVITY', 'BODY', 'DAILY', 'SLEEP'], samples: true, fields: [{ dataType: 'activity', fields: ['distance_metres', 'steps'] }], processing: 'json' });
    expect(FULL.widget).toEqual({ name: 'Acme Connect', logoUrl: 'https://cdn.acme-health.example/logo.png' });
    const partial = desiredOf('data:\n  types: [SLEEP, ATHLETE, ACTIVITY]\n');
    expect(partial.data).toEqual({ types: ['ACTIVITY', 'SLEEP'], fields: [] });
    expect(partial.widget).toBeUndefined();
    expect(desiredOf('').data).toBeUndefined();
  });

  it('reads only what is managed: no data-config GET (or scope) for an environment without data: or widget:', async () => {
    const { admin: a, client } = await start({ dataTypes: ['SLEEP'] }, {}, ['providers:read', 'destinations:read']);
    const bare = desiredOf('');
    expect(liveReadOperations(bare)).not.toContain('listUnifiedApiScopes');
    const observed = await readLiveState(client(true), bare);
    expect(observed.data).toBeUndefined();
    expect(observed.widget).toBeUndefined();
    expect(a.requests.map((r) => r.operationId)).not.toContain('listUnifiedApiScopes');
    expect(diffTerraState(bare, observed).inSync).toBe(true);
    expect(liveReadOperations(FULL)).toEqual(expect.arrayContaining(['listUnifiedApiScopes', 'listProcessing', 'getWidgetConfig']));
  });

  it('reports each kind of difference, then apply converges and a second read is in sync', async () => {
    const { admin: a, client } = await start({
      dataTypes: ['ACTIVITY', 'SLEEP', 'NUTRITION'],
      samplesEnabled: false,
      fields: { activity: ['steps', 'calories'] },
      processing: 'fit',
      widget: { widgetConfigUrl: 'https://widget.acme.example/config.json', widgetName: 'Old name', appLogo: null },
    });
    const before = diffTerraState(FULL, await readLiveState(client(true), FULL));
    expect(before.inSync).toBe(false);
    expect(before.changes).toEqual([
      {
        object: 'dataTypes',
        key: 'types',
        action: 'update',
        fields: [
          { name: 'scopes', from: ['ACTIVITY', 'NUTRITION', 'SLEEP'], to: ['ACTIVITY', 'BODY', 'DAILY', 'SLEEP'] },
          { name: 'samples_enabled', from: false, to: true },
        ],
      },
      { object: 'dataFields', key: 'activity', action: 'update', fields: [{ name: 'fields', from: ['calories', 'steps'], to: ['distance_metres', 'steps'] }] },
      { object: 'processing', key: 'format', action: 'update', fields: [{ name: 'type', from: 'fit', to: 'json' }] },
      {
        object: 'widget',
        key: 'branding',
        action: 'update',
        fields: [
          { name: 'widget_name', from: 'Old name', to: 'Acme Connect' },
          { name: 'app_logo', from: null, to: 'https://cdn.acme-health.example/logo.png' },
        ],
      },
    ]);
    expect(new Set(a.requests.map((r) => r.method))).toEqual(new Set(['GET']));

    const calls = planCalls(FULL, before.changes);
    expect(calls.map((c) => c.op)).toEqual(['putUnifiedApiScopes', 'patchUnifiedApiScopes', 'setProcessing', 'setWidgetConfig']);
    const outcomes = await executeCalls(client(false), DEV, calls, hooks);
    expect(outcomes.map((o) => [o.label, o.status])).toEqual([
      ['putUnifiedApiScopes', 'done'],
      ['patchUnifiedApiScopes activity', 'done'],
      ['setProcessing json', 'done'],
      ['setWidgetConfig', 'done'],
    ]);
    const state = a.state(DEV);
    expect(state.dataTypes).toEqual(['ATHLETE', 'ACTIVITY', 'BODY', 'DAILY', 'SLEEP']);
    expect(state.samplesEnabled).toBe(true);
    expect(state.fields.activity).toEqual(['distance_metres', 'steps']);
    expect(state.processing).toBe('json');
    // The full-replace PUT kept the config document config/ does not manage.
    expect(state.widget).toEqual({ widgetConfigUrl: 'https://widget.acme.example/config.json', widgetConfig: null, widgetName: 'Acme Connect', appLogo: 'https://cdn.acme-health.example/logo.png' });
    const put = a.requests.find((r) => r.operationId === 'putUnifiedApiScopes')!;
    expect(JSON.parse(put.body)).toEqual({ scopes: ['ACTIVITY', 'BODY', 'DAILY', 'SLEEP', 'SAMPLES'] });
    expect(put.headers['idempotency-key']).toBeTruthy();

    const after = diffTerraState(FULL, await readLiveState(client(true), FULL));
    expect(after.changes).toEqual([]);
    expect(after.inSync).toBe(true);
  });

  it('what config/ leaves out is kept: samples alone keeps the types, a name alone keeps the logo and the inline widget document', async () => {
    const { admin: a, client } = await start(
      { dataTypes: ['SLEEP', 'BODY'], samplesEnabled: false, widget: { widgetConfig: { theme: 'dark' }, widgetName: 'Old', appLogo: 'https://cdn.acme.example/a.png' } },
      { widgetDeployment: 'environments' },
    );
    const desired = desiredOf('data:\n  samples: true\nwidget:\n  name: Acme Connect\n');
    const diff = diffTerraState(desired, await readLiveState(client(true), desired));
    expect(diff.changes.map((c) => [c.object, c.fields.map((f) => f.name)])).toEqual([
      ['dataTypes', ['samples_enabled']],
      ['widget', ['widget_name']],
    ]);
    await executeCalls(client(false), DEV, planCalls(desired, diff.changes), hooks);
    const state = a.state(DEV);
    expect([...state.dataTypes].sort()).toEqual(['ATHLETE', 'BODY', 'SLEEP']);
    expect(state.samplesEnabled).toBe(true);
    expect(state.widget).toEqual({ widgetConfigUrl: null, widgetConfig: { theme: 'dark' }, widgetName: 'Acme Connect', appLogo: 'https://cdn.acme.example/a.png' });
    expect(diffTerraState(desired, await readLiveState(client(true), desired)).inSync).toBe(true);
  });

  it('HEALTH_OBSERVATION without the entitlement: drift says so, apply fails that call with 403 access_denied named, Terra unchanged', async () => {
    const { admin: a, client } = await start({ dataTypes: ['ACTIVITY'] });
    const desired = desiredOf('data:\n  types: [ACTIVITY, HEALTH_OBSERVATION]\n  processing: fhir\n');
    const diff = diffTerraState(desired, await readLiveState(client(true), desired));
    expect(diff.unverifiable).toContainEqual({
      object: 'dataTypes',
      key: 'types',
      field: 'scopes',
      reason: 'HEALTH_OBSERVATION needs the health_observation entitlement on the Terra account: without it apply is refused with 403 access_denied',
    });
    const outcomes = await executeCalls(client(false), DEV, planCalls(desired, diff.changes), hooks);
    expect(outcomes[0]).toMatchObject({ label: 'putUnifiedApiScopes', status: 'failed' });
    expect(outcomes[0]!.note).toContain('403 access_denied: HEALTH_OBSERVATION needs the health_observation entitlement');
    expect(outcomes[0]!.note).toContain('ask Terra to enable the entitlement');
    expect(outcomes[1]).toMatchObject({ label: 'setProcessing fhir', status: 'not-done' });
    expect(a.state(DEV).dataTypes).toEqual(['ATHLETE', 'ACTIVITY']);
    expect(a.state(DEV).processing).toBe('json');
  });

  it('with the entitlement the same selection applies', async () => {
    const { admin: a, client } = await start({ dataTypes: ['ACTIVITY'] }, { entitlements: ['health_observation'] });
    const desired = desiredOf('data:\n  types: [ACTIVITY, HEALTH_OBSERVATION]\n');
    const diff = diffTerraState(desired, await readLiveState(client(true), desired));
    const outcomes = await executeCalls(client(false), DEV, planCalls(desired, diff.changes), hooks);
    expect(outcomes.map((o) => o.status)).toEqual(['done']);
    expect(a.state(DEV).dataTypes).toEqual(['ATHLETE', 'ACTIVITY', 'HEALTH_OBSERVATION']);
  });

  it('a read that keeps failing is unverifiable, never in sync', async () => {
    const { client } = await start({}, { faults: { serverError: { operations: ['listUnifiedApiScopes', 'getWidgetConfig'] } } });
    const observed = await readLiveState(client(true), FULL);
    const diff = diffTerraState(FULL, observed);
    expect(diff.unverifiable.map((u) => `${u.object} ${u.key}`)).toEqual(expect.arrayContaining(['dataTypes types', 'dataFields activity', 'widget branding']));
    // processing was read (json, as declared): only the failed reads are unverifiable, and nothing is in sync.
    expect(diff.unverifiable.map((u) => u.object)).not.toContain('processing');
    expect(diff.changes).toEqual([]);
    expect(observed.unread?.length).toBeGreaterThan(0);
  });

  it('readDataConfig reads every part for a caller that wants the whole environment (import)', async () => {
    const { client } = await start({ dataTypes: ['SLEEP'], samplesEnabled: true, fields: { sleep: ['duration'] }, processing: 'fhir', widget: { widgetName: 'W', appLogo: null } });
    const read = await readDataConfig(client(true), DEV, ALL_DATA_PARTS);
    expect(read.unread).toEqual([]);
    expect(read.data).toEqual({ types: ['SLEEP'], samples: true, fields: { athlete: [], sleep: ['duration'] }, processing: 'fhir' });
    expect(read.widget).toMatchObject({ name: 'W', logoUrl: null });
  });
});
