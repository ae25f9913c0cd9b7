import { describe, expect, it } from 'vitest';
import { renderEnvironmentFile } from '../../../src/report/import/render-environment-file';
import { importedEnvironment, type ImportInput } from '../../../src/terra/admin/import-environment';
import { importedStackKey } from '../../../src/terra/admin/import-secret-keys';
import { inferTier } from '../../../src/terra/admin/import-tier';
import type { ObservedTerraState } from '../../../src/terra/admin/observed';

const DEV = 'acme-lab-Xy12ab';
const nothing: ObservedTerraState = { sources: [], credentials: [], scopes: [], destinations: [] };
const input = (observed: Partial<ObservedTerraState>): ImportInput => ({
  environment: 'lab',
  devId: DEV,
  tier: { tier: 'testing', source: 'flag', how: 'given with --tier' },
  adminBaseUrl: 'https://admin.terra.example/api/v3/admin',
  observed: { ...nothing, ...observed },
});

describe('importedStackKey: the shipped files\' names for secrets', () => {
  it.each([
    [['terra', 'apiKey'], 'terraApiKey'],
    [['webhook', 'signingSecret'], 'terraWebhookSigningSecret'],
    [['providers', 'STRAVA', 'dedicatedKeys', 'clientSecret'], 'stravaClientSecret'],
    [['providers', 'VIRTUAGYM', 'dedicatedKeys', 'apiKey'], 'virtuagymApiKey'],
    [['providers', 'DEXCOM_EU', 'dedicatedKeys', 'clientSecret'], 'dexcomEuClientSecret'],
  ])('%j -> %s', (path, key) => expect(importedStackKey(path)).toBe(key));
});

describe('inferTier', () => {
  it('takes --tier, then the environment name, then Terra\'s label, name and dev-id', () => {
    expect(inferTier('lab', 'staging', { label: 'prod' }, DEV)?.tier).toBe('staging');
    expect(inferTier('production', undefined, { label: 'test' }, DEV)).toMatchObject({ tier: 'production', source: 'name' });
    expect(inferTier('lab', undefined, { label: 'prod', name: 'Testing' }, DEV)).toMatchObject({ tier: 'production', how: expect.stringContaining('label "prod"') });
    expect(inferTier('lab', undefined, { label: 'Acme', name: 'Acme QA' }, DEV)?.tier).toBe('staging');
    expect(inferTier('lab', undefined, { dev_id: 'acme-sandbox-Q1' }, DEV)?.tier).toBe('testing');
  });

  it('skips a text naming two tiers or none, then reads the user limit and billing', () => {
    expect(inferTier('lab', undefined, { label: 'prod or test', user_limit: 50 }, DEV)).toBeUndefined();
    expect(inferTier('lab', undefined, { label: 'constructor', user_limit: 1000 }, DEV)?.how).toContain('user limit 1000');
    expect(inferTier('lab', undefined, { label: 'Acme', billable: true }, DEV)?.tier).toBe('production');
    expect(inferTier('lab', undefined, undefined, DEV)).toBeUndefined();
  });
});

describe('importedEnvironment', () => {
  it('keeps the oldest active webhook and reports the others, and other destination types', () => {
    const imported = importedEnvironment(
      input({
        destinations: [
          { id: '20', type: 'webhook', url: 'https://b.example/hook', active: true },
          { id: '9', type: 'webhook', url: 'https://old.example/hook', active: false },
          { id: '10', type: 'webhook', url: 'https://a.example/hook', active: true, eventTypes: ['sleep', 'activity', 'sleep'] },
          { id: '11', type: 'sqs', url: 'https://sqs.eu-west-1.amazonaws.com/1/q', active: true },
        ],
      }),
    );
    expect(imported.webhook).toEqual({ url: 'https://a.example/hook', active: true, eventTypes: ['activity', 'sleep'], signingSecret: { fromStackConfig: 'terraWebhookSigningSecret' } });
    expect(imported.remarks).toEqual([
      expect.stringContaining('destination sqs https://sqs.eu-west-1.amazonaws.com/1/q: not a webhook'),
      expect.stringContaining('webhook https://b.example/hook: a second webhook destination'),
      expect.stringContaining('webhook https://old.example/hook: a second webhook destination'),
    ]);
  });

  it('declares keys only where the customer\'s own are set, and names each secret once', () => {
    const imported = importedEnvironment(
      input({
        sources: [
          { provider: 'garmin', active: true },
          { provider: 'virtuagym', active: true },
          { provider: 'google', active: true },
          { provider: 'fitbit', active: true },
          { provider: 'acmewatch', active: true },
        ],
        credentials: [
          { provider: 'virtuagym', hasCredentials: true, terraOwned: false, clientId: 'acme-portal', secretMask: '****k2Qw' },
          { provider: 'google', hasCredentials: true, terraOwned: false, clientId: '1-x.apps.googleusercontent.com', secretMask: '****9876' },
          { provider: 'fitbit', hasCredentials: true, terraOwned: true, clientId: 'terra-own-fitbit' },
        ],
        scopes: [{ provider: 'garmin', scopes: ['read:activity'] }, { provider: 'google', scopes: [] }],
      }),
    );
    const byCode = Object.fromEntries(imported.providers.map((p) => [p.code, p]));
    expect(Object.keys(byCode)).toEqual(['ACMEWATCH', 'FITBIT', 'GARMIN', 'GOOGLE', 'VIRTUAGYM']);
    expect(byCode.FITBIT!.settings).toEqual({});
    expect(byCode.GARMIN!.settings).toEqual({ scopes: ['read:activity'] });
    expect(byCode.VIRTUAGYM!.settings).toEqual({ dedicatedKeys: { portalName: 'acme-portal', apiKey: { fromStackConfig: 'virtuagymApiKey' } } });
    // No custom scopes in Terra, but the schema wants a list: the essential two, said in a note.
    expect(byCode.GOOGLE!.settings.dedicatedKeys).toMatchObject({ scopes: ['calendar.settings.readonly', 'userinfo.profile'], appVerification: 'unverified' });
    expect(byCode.GOOGLE!.notes.map((n) => n.path.join('.'))).toContain('dedicatedKeys.scopes');
    expect(byCode.ACMEWATCH!.notes[0]!.text).toContain('does not know');
    expect(imported.secrets.map((s) => s.stackKey)).toEqual(['terraApiKey', 'googleClientSecret', 'virtuagymApiKey']);
    const text = renderEnvironmentFile(imported);
    for (const mask of ['****k2Qw', '****9876', 'k2Qw', '9876']) expect(text).not.toContain(mask);
  });

  it('flattens what Terra says before it reaches a comment or the report', () => {
    const imported = importedEnvironment({ ...input({ sources: [{ provider: 'whoop\n# injected: true', active: false }] }), detail: { name: 'Lab\nowners: []' } });
    expect(imported.displayName).not.toContain('\n');
    const text = renderEnvironmentFile(imported);
    expect(text).not.toMatch(/^owners: \[\]$/m);
    expect(text).not.toMatch(/^# injected/m);
  });
});
