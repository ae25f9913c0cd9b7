import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LocalTerraAdmin, LocalTerraAdminOptions } from '../support/local-terra-admin';
import { ALL_SCOPES, DEV, READ_SCOPES, STRAVA_SECRET, cliEnv, driftedSeed, leakedIn, project, runCliAsync, stackSecrets } from './admin-cli';
import { startLocalTerraAdmin } from '../support/local-terra-admin';
import { assertBuilt, removeProjects, STACK_FRAME } from './helpers';

let admin: LocalTerraAdmin | undefined;
beforeAll(() => assertBuilt());
afterEach(async () => {
  await admin?.close();
  admin = undefined;
});
afterAll(() => removeProjects());

const DATA_READ = [...READ_SCOPES, 'dataconfig:read'];
const DATA_ALL = [...ALL_SCOPES, 'dataconfig:read', 'dataconfig:write'];
const LOGO = 'https://cdn.acme-health.example/logo.png';

/** The issue's example, declared in config/testing.yaml of a copy of the shipped project. */
function dataProject(types = '[ACTIVITY, BODY, DAILY, SLEEP]'): string {
  const dir = project();
  const file = join(dir, 'config/testing.yaml');
  const block = `data:\n  types: ${types}\n  samples: true\n  fields: { activity: [steps, distance_metres] }\n  processing: json\nwidget:\n  name: Acme Connect\n  logoUrl: ${LOGO}\n`;
  writeFileSync(file, readFileSync(file, 'utf8').replace(/\naws:\n/, `\n${block}aws:\n`));
  return dir;
}

/** config/testing.yaml's drift, plus every kind of data and widget difference. */
async function startDataDrifted(options: LocalTerraAdminOptions = {}): Promise<LocalTerraAdmin> {
  const seed = driftedSeed()!;
  seed.environments[DEV] = {
    ...seed.environments[DEV],
    dataTypes: ['ACTIVITY', 'SLEEP', 'NUTRITION'],
    samplesEnabled: false,
    fields: { activity: ['steps', 'calories'] },
    processing: 'fit',
    widget: { widgetConfigUrl: 'https://widget.acme-health.example/config.json', widgetName: 'Acme', appLogo: null },
  };
  return startLocalTerraAdmin({ seed, ...options });
}

const cli = (command: 'apply' | 'drift', dir: string, env: Record<string, string>, ...extra: string[]) =>
  runCliAsync([command, '--env', 'testing', '--admin-base-url', admin!.baseUrl, ...extra], dir, env);

const DATA_LINES = [
  '~ dataTypes types: scopes [ACTIVITY, NUTRITION, SLEEP] -> [ACTIVITY, BODY, DAILY, SLEEP], samples_enabled false -> true',
  '~ dataFields activity: fields [calories, steps] -> [distance_metres, steps]',
  '~ processing format: type fit -> json',
  `~ widget branding: widget_name Acme -> Acme Connect, app_logo (none) -> ${LOGO}`,
];

describe('drift and apply of data types, fields, processing and the widget, as processes', () => {
  it('drift reports each kind of difference (exit 1), apply converges, drift is then clean (exit 0)', async () => {
    admin = await startDataDrifted();
    const token = admin.issueToken({ scopes: DATA_ALL });
    const reader = admin.issueToken({ scopes: DATA_READ });
    const dir = dataProject();
    const outputs: string[] = [];

    // drift needs the read scopes only.
    const before = await cli('drift', dir, cliEnv(reader));
    outputs.push(before.stdout, before.stderr);
    expect(before.stderr).toBe('');
    expect(before.code).toBe(1);
    expect(before.stdout.split('\n')).toEqual(expect.arrayContaining(DATA_LINES));
    expect(new Set(admin.requests.map((r) => r.method))).toEqual(new Set(['GET']));
    expect(admin.requests.map((r) => r.operationId)).toEqual(expect.arrayContaining(['listUnifiedApiScopes', 'listProcessing', 'getWidgetConfig']));

    const json = await cli('drift', dir, cliEnv(token), '--format', 'json');
    outputs.push(json.stdout, json.stderr);
    const body = JSON.parse(json.stdout) as { changes: { object: string; key: string; action: string }[] };
    expect(body.changes.filter((c) => ['dataTypes', 'dataFields', 'processing', 'widget'].includes(c.object)).map((c) => `${c.object} ${c.key} ${c.action}`)).toEqual([
      'dataTypes types update',
      'dataFields activity update',
      'processing format update',
      'widget branding update',
    ]);

    const apply = await cli('apply', dir, cliEnv(token), '--yes');
    outputs.push(apply.stdout, apply.stderr);
    expect(apply.stderr).toBe('');
    expect(apply.code).toBe(0);
    for (const label of ['putUnifiedApiScopes', 'patchUnifiedApiScopes activity', 'setProcessing json', 'setWidgetConfig']) expect(apply.stdout).toContain(`done: ${label}\n`);
    expect(apply.stdout).toMatch(/testing: 10 of 10 calls done; now in sync\n$/);
    const state = admin.state(DEV);
    expect(state.dataTypes).toEqual(['ATHLETE', 'ACTIVITY', 'BODY', 'DAILY', 'SLEEP']);
    expect(state.samplesEnabled).toBe(true);
    expect(state.fields.activity).toEqual(['distance_metres', 'steps']);
    expect(state.processing).toBe('json');
    expect(state.widget).toEqual({ widgetConfigUrl: 'https://widget.acme-health.example/config.json', widgetConfig: null, widgetName: 'Acme Connect', appLogo: LOGO });

    const after = await cli('drift', dir, cliEnv(token));
    outputs.push(after.stdout, after.stderr);
    expect(after.code).toBe(0);
    expect(after.stdout).toMatch(/in sync: 0 changes/);

    expect(leakedIn(outputs, { token, reader, STRAVA_SECRET, ...stackSecrets(dir) })).toEqual([]);
  });

  it('HEALTH_OBSERVATION without the entitlement: drift says so, apply fails that call naming 403 access_denied (exit 1), Terra keeps its selection', async () => {
    admin = await startDataDrifted();
    const token = admin.issueToken({ scopes: DATA_ALL });
    const dir = dataProject('[ACTIVITY, BODY, DAILY, SLEEP, HEALTH_OBSERVATION]');

    const drift = await cli('drift', dir, cliEnv(token));
    expect(drift.code).toBe(1);
    expect(drift.stdout).toContain('? dataTypes types scopes: HEALTH_OBSERVATION needs the health_observation entitlement on the Terra account: without it apply is refused with 403 access_denied');

    const apply = await cli('apply', dir, cliEnv(token), '--yes');
    expect(apply.code).toBe(1);
    expect(apply.stdout).toContain('FAILED: putUnifiedApiScopes (Terra refused the data-type selection with 403 access_denied: HEALTH_OBSERVATION needs the health_observation entitlement');
    expect(apply.stdout).toContain('not done: setWidgetConfig');
    expect(apply.stdout).not.toMatch(STACK_FRAME);
    expect(admin.state(DEV).dataTypes).toEqual(['ATHLETE', 'ACTIVITY', 'SLEEP', 'NUTRITION']);
    // Everything ordered before the selection was made; a re-run converges the rest once the entitlement exists.
    expect(admin.state(DEV).sources.fitbit?.active).toBe(true);
    expect(leakedIn([drift.stdout, drift.stderr, apply.stdout, apply.stderr], { token, STRAVA_SECRET, ...stackSecrets(dir) })).toEqual([]);
  });

  it('a token without dataconfig:read exits 2 naming the scope, but only where config/ manages data', async () => {
    admin = await startDataDrifted();
    const reader = admin.issueToken({ scopes: READ_SCOPES });
    const refused = await cli('drift', dataProject(), cliEnv(reader));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('dataconfig:read');
    expect(refused.stderr).toContain('terra login');
    expect(refused.stderr).not.toMatch(STACK_FRAME);
    // The shipped testing.yaml manages no data: the same token drifts it, with no data-config read.
    const plain = await cli('drift', project(), cliEnv(reader));
    expect(plain.code).toBe(1);
    expect(admin.requests.filter((r) => r.operationId === 'listUnifiedApiScopes')).toEqual([]);
    expect(leakedIn([refused.stdout, refused.stderr, plain.stdout, plain.stderr], { reader })).toEqual([]);
  });
});
