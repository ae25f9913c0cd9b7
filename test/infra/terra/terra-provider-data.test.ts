import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CommonInputs } from '../../../src/infra/terra/terra-kind-common';
import { terraProvider } from '../../../src/infra/terra/terra-provider';
import { OPERATION_SCOPES, startLocalTerraAdmin, type LocalTerraAdmin } from '../../support/local-terra-admin';

const DEV_ID = 'acme-health-staging-R4tW9c';
const p = terraProvider;

let admin: LocalTerraAdmin;
let token: string;
const saved = process.env.TERRA_ADMIN_TOKEN;

beforeAll(async () => {
  admin = await startLocalTerraAdmin({
    seed: { environments: { [DEV_ID]: { dataTypes: ['SLEEP'], processing: 'fit', widget: { widgetConfigUrl: 'https://widget.acme.example/c.json', widgetName: 'Old', appLogo: null } } } },
  });
  token = admin.issueToken({ scopes: OPERATION_SCOPES });
});
afterAll(async () => {
  await admin.close();
});
beforeEach(() => {
  process.env.TERRA_ADMIN_TOKEN = token;
});
afterEach(() => {
  if (saved === undefined) delete process.env.TERRA_ADMIN_TOKEN;
  else process.env.TERRA_ADMIN_TOKEN = saved;
});

const common = (kind: CommonInputs['kind']) => ({ kind, environment: 'staging', devId: DEV_ID, adminBaseUrl: admin.baseUrl, providerVersion: 'test.1' });

/** check → create → diff(outs, inputs) shows nothing to do. */
async function created(inputs: Record<string, unknown>) {
  const checked = await p.check!({}, inputs);
  expect(checked.failures).toEqual([]);
  const result = await p.create(checked.inputs);
  expect(await p.diff!(result.id, result.outs, inputs)).toMatchObject({ changes: false, replaces: [] });
  return result;
}

/** An out-of-band edit is seen by read, diff proposes an update, update converges, and delete leaves Terra as it is. */
async function driftAndConverge(id: string, outs: Record<string, unknown>, inputs: Record<string, unknown>, edit: Parameters<LocalTerraAdmin['mutate']>[1]) {
  admin.mutate(DEV_ID, edit);
  const read = await p.read!(id, outs);
  expect(await p.diff!(id, read.props, inputs)).toMatchObject({ changes: true, replaces: [] });
  const updated = await p.update!(id, read.props, inputs);
  expect(await p.diff!(id, (await p.read!(id, updated.outs)).props, inputs)).toMatchObject({ changes: false });
  const before = JSON.stringify(admin.state(DEV_ID));
  await p.delete!(id, updated.outs);
  expect(JSON.stringify(admin.state(DEV_ID))).toBe(before);
}

describe('the Terra provider: data types, fields, processing and widget against the local admin server', () => {
  it('dataTypes: writes the selection with SAMPLES, sees a dashboard edit, converges, retains on delete', async () => {
    const inputs = { ...common('dataTypes'), types: ['ACTIVITY', 'BODY', 'DAILY', 'SLEEP'], samples: true };
    const { id, outs } = await created(inputs);
    expect(id).toBe(`${DEV_ID}/data-types`);
    expect(outs).toMatchObject({ types: ['ACTIVITY', 'BODY', 'DAILY', 'SLEEP'], samples: true });
    expect(admin.state(DEV_ID).dataTypes).toEqual(['ATHLETE', 'ACTIVITY', 'BODY', 'DAILY', 'SLEEP']);
    await driftAndConverge(id, outs, inputs, (s) => {
      s.dataTypes = ['ATHLETE', 'ACTIVITY'];
      s.samplesEnabled = false;
    });
    expect(admin.state(DEV_ID).samplesEnabled).toBe(true);
    expect((await p.diff!(id, outs, { ...inputs, devId: 'other-dev-id' })).replaces).toEqual(['devId']);
  });

  it('dataTypes: samples alone keeps the selected types', async () => {
    admin.mutate(DEV_ID, (s) => {
      s.dataTypes = ['ATHLETE', 'NUTRITION'];
      s.samplesEnabled = true;
    });
    const { outs } = await created({ ...common('dataTypes'), samples: false });
    expect(outs).toMatchObject({ types: ['NUTRITION'], samples: false });
    expect(admin.state(DEV_ID).dataTypes).toEqual(['ATHLETE', 'NUTRITION']);
  });

  it('dataTypes: HEALTH_OBSERVATION without the entitlement fails create with the entitlement named', async () => {
    await expect(p.create({ ...common('dataTypes'), types: ['HEALTH_OBSERVATION'] })).rejects.toThrow(/403 access_denied: HEALTH_OBSERVATION needs the health_observation entitlement/);
    expect(admin.state(DEV_ID).dataTypes).not.toContain('HEALTH_OBSERVATION');
  });

  it('dataFields: replaces one type\'s fields, a new data type is a replacement', async () => {
    // Terra lists the fields of selected data types only (data-fields-unselected warns about the others).
    admin.mutate(DEV_ID, (s) => void (s.dataTypes = ['ATHLETE', 'ACTIVITY']));
    const inputs = { ...common('dataFields'), dataType: 'activity', fields: ['distance_metres', 'steps'] };
    const { id, outs } = await created(inputs);
    expect(id).toBe(`${DEV_ID}/data-fields/activity`);
    expect(admin.state(DEV_ID).fields.activity).toEqual(['distance_metres', 'steps']);
    await driftAndConverge(id, outs, inputs, (s) => void (s.fields.activity = ['calories']));
    expect((await p.diff!(id, outs, { ...inputs, dataType: 'sleep' })).replaces).toEqual(['dataType']);
  });

  it('processing: sets the format, converges after a dashboard switch', async () => {
    const inputs = { ...common('processing'), type: 'json' };
    const { id, outs } = await created(inputs);
    expect(outs).toMatchObject({ type: 'json' });
    expect(admin.state(DEV_ID).processing).toBe('json');
    await driftAndConverge(id, outs, inputs, (s) => void (s.processing = 'fhir'));
  });

  it('widget: sets name and logo, keeps the config URL, converges after a dashboard edit', async () => {
    const inputs = { ...common('widget'), name: 'Acme Connect', logoUrl: 'https://cdn.acme-health.example/logo.png' };
    const { id, outs } = await created(inputs);
    expect(outs).toMatchObject({ name: 'Acme Connect', logoUrl: 'https://cdn.acme-health.example/logo.png' });
    expect(admin.state(DEV_ID).widget.widgetConfigUrl).toBe('https://widget.acme.example/c.json');
    await driftAndConverge(id, outs, inputs, (s) => void (s.widget.widgetName = 'Dashboard edit'));
    expect(admin.state(DEV_ID).widget).toMatchObject({ widgetName: 'Acme Connect', widgetConfigUrl: 'https://widget.acme.example/c.json' });
  });

  it('no token or value in any output', async () => {
    const outs = await p.create({ ...common('widget'), name: 'Acme Connect' });
    expect(JSON.stringify(outs)).not.toContain(token);
  });
});
