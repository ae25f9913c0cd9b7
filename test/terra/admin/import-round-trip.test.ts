import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/project';
import { renderEnvironmentFile } from '../../../src/report/import/render-environment-file';
import { renderStackFile } from '../../../src/report/import/render-stack-file';
import { desiredTerraState, type DesiredTerraState } from '../../../src/terra/admin/desired';
import { diffTerraState } from '../../../src/terra/admin/diff';
import { importedEnvironment } from '../../../src/terra/admin/import-environment';
import { inferTier } from '../../../src/terra/admin/import-tier';
import type { ObservedTerraState } from '../../../src/terra/admin/observed';

const ROOT = join(__dirname, '..', '..', '..');
const MASK = '****w9Qz';

function shipped(name: string): DesiredTerraState {
  const project = loadProject({ root: ROOT, envs: [name] });
  return desiredTerraState(name, project.environments.find((e) => e.name === name)!.model!);
}

/** Terra as `apply` leaves it for a declaration: what an import of that environment reads. */
function converged(desired: DesiredTerraState): ObservedTerraState {
  return {
    sources: desired.sources.filter((s) => s.enabled).map((s) => ({ provider: s.adminCode, active: true })),
    credentials: desired.credentials.map((c) => ({ provider: c.adminCode, hasCredentials: true, terraOwned: false, clientId: c.clientId, secretMask: MASK })),
    scopes: desired.scopes.map((s) => ({ provider: s.adminCode, scopes: s.scopes })),
    destinations: desired.webhook
      ? [{ id: '1937255512398768131', type: 'webhook', url: desired.webhook.url, active: desired.webhook.active, ...(desired.webhook.eventTypes ? { eventTypes: desired.webhook.eventTypes } : {}) }]
      : [],
  };
}

describe.each(['testing', 'staging', 'production'])('importing Terra as apply leaves config/%s.yaml', (name) => {
  const desired = shipped(name);
  const observed = converged(desired);
  const imported = importedEnvironment({
    environment: name,
    devId: desired.devId,
    tier: inferTier(name, undefined, undefined, desired.devId)!,
    adminBaseUrl: 'https://admin.terra.example/api/v3/admin',
    observed,
  });
  const env = renderEnvironmentFile(imported);
  const stack = renderStackFile(imported, undefined);
  const project = loadProject({
    root: ROOT,
    envs: [name],
    virtualFiles: { 'Pulumi.yaml': readFileSync(join(ROOT, 'Pulumi.yaml'), 'utf8'), [`config/${name}.yaml`]: env, [`Pulumi.${name}.yaml`]: stack },
  });
  const model = project.environments.find((e) => e.name === name)?.model;

  it('validates with no error but the stack secrets still to set, each with its command', () => {
    const errors = project.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.ruleId)).toEqual(imported.secrets.map(() => 'stack-secret-present'));
    expect(errors.map((d) => d.hint)).toEqual(imported.secrets.map((s) => `pulumi config set --secret ${s.stackKey} --stack ${name}`));
  });

  it('declares what the original declares of Terra, so drift of the import is clean', () => {
    expect(model).toBeDefined();
    const again = desiredTerraState(name, model!);
    expect(again.devId).toBe(desired.devId);
    expect(again.sources).toEqual(desired.sources.filter((s) => s.enabled));
    expect(again.credentials.map((c) => [c.provider, c.clientId])).toEqual(desired.credentials.map((c) => [c.provider, c.clientId]));
    expect(again.scopes).toEqual(desired.scopes);
    expect(again.webhook && { url: again.webhook.url, active: again.webhook.active, eventTypes: again.webhook.eventTypes }).toEqual(
      desired.webhook && { url: desired.webhook.url, active: desired.webhook.active, eventTypes: desired.webhook.eventTypes },
    );
    expect(diffTerraState(again, observed).changes).toEqual([]);
  });

  it('writes no mask, and a reference for every secret', () => {
    expect(env).not.toContain(MASK);
    expect(env).not.toContain(MASK.slice(-4));
    expect(stack).not.toContain('secure:');
    for (const secret of imported.secrets) expect(env).toContain(`{fromStackConfig: ${secret.stackKey}}`);
  });
});
