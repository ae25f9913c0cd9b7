import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSecretInput } from '../../../src/infra/plan/recording-mocks';
import type { MockRun, PlannedResource } from '../../../src/infra/plan/run-program';
import { plainView, REPO, runWith, supplySecrets, type SuppliedSecrets } from '../support/shipped';

/** What each shipped environment declares to Terra, written out by hand. */
const SHIPPED = {
  testing: {
    sources: ['fitbit', 'garmin', 'google', 'oura', 'polar', 'strava'],
    credentials: ['google', 'strava'],
    declared: ['apple', 'fitbit', 'garmin', 'google', 'oura', 'polar', 'samsung', 'strava'],
    data: [],
  },
  staging: {
    sources: ['fitbit', 'freestylelibre', 'garmin', 'google', 'huawei', 'oura', 'polar', 'strava', 'virtuagym', 'withings'],
    credentials: ['google', 'huawei', 'strava', 'virtuagym'],
    declared: ['apple', 'fitbit', 'freestylelibre', 'garmin', 'google', 'huawei', 'oura', 'polar', 'samsung', 'strava', 'virtuagym', 'withings'],
    data: ['TerraDataTypes staging-data-types', 'TerraDataFields staging-data-fields-activity', 'TerraProcessing staging-processing', 'TerraWidgetConfig staging-widget'],
  },
  production: {
    sources: ['fitbit', 'freestylelibre', 'garmin', 'google', 'huawei', 'oura', 'polar', 'strava', 'virtuagym', 'withings'],
    credentials: ['google', 'huawei', 'strava', 'virtuagym'],
    declared: ['apple', 'fitbit', 'freestylelibre', 'garmin', 'google', 'huawei', 'oura', 'polar', 'samsung', 'strava', 'virtuagym', 'withings'],
    data: ['TerraDataTypes production-data-types', 'TerraDataFields production-data-fields-activity', 'TerraProcessing production-processing', 'TerraWidgetConfig production-widget'],
  },
} as const;
type Shipped = keyof typeof SHIPPED;

const ADMIN_BASE_URL = 'https://admin.terra.example/api/v3/admin';
const ADMIN_TOKEN = 'terra_at_never-captured-by-the-program-Hq72';
const DYNAMIC = 'pulumi-nodejs:dynamic/terra-iac:';
const savedToken = process.env.TERRA_ADMIN_TOKEN;

const on = {} as Record<Shipped, { run: MockRun; supplied: SuppliedSecrets }>;
const off = {} as Record<Shipped, MockRun>;

beforeAll(async () => {
  // The provider reads the token from process.env when it calls Terra; the program must never capture it.
  process.env.TERRA_ADMIN_TOKEN = ADMIN_TOKEN;
  for (const env of Object.keys(SHIPPED) as Shipped[]) {
    const supplied = supplySecrets(REPO, env);
    off[env] = await runWith(REPO, env, supplied);
    const enabled: SuppliedSecrets = {
      ...supplied,
      config: { ...supplied.config, 'terra-iac:applyToTerra': 'true' },
      env: { ...supplied.env, TERRA_ADMIN_BASE_URL: ADMIN_BASE_URL },
    };
    on[env] = { run: await runWith(REPO, env, enabled), supplied };
  }
});
afterAll(() => {
  if (savedToken === undefined) delete process.env.TERRA_ADMIN_TOKEN;
  else process.env.TERRA_ADMIN_TOKEN = savedToken;
});

const terraOf = (run: MockRun) => run.resources.filter((r) => r.type.startsWith(DYNAMIC) && !r.type.endsWith(':TerraSmokeTest'));
const find = (run: MockRun, name: string): PlannedResource => {
  const found = run.resources.find((r) => r.name === name);
  if (!found) throw new Error(`no resource ${name}`);
  return found;
};
const namesOf = (resources: readonly unknown[] | undefined) => (resources ?? []).map((r) => on.testing.run.resources.concat(on.staging.run.resources, on.production.run.resources).find((p) => p.resource === r)?.name);

describe.each(Object.keys(SHIPPED) as Shipped[])('terra-iac:applyToTerra for config/%s.yaml', (env) => {
  const spec = SHIPPED[env];

  it('is off by default: no Terra resource and no TerraAdmin component', () => {
    expect(off[env].resources.filter((r) => r.type.startsWith(DYNAMIC)).map((r) => r.name)).toEqual([`${env}-smoke-test`]);
    expect(off[env].resources.some((r) => r.type === 'terra-iac:environment:TerraAdmin')).toBe(false);
  });

  it('adds exactly the Terra resources, under one TerraAdmin component, and nothing else changes', () => {
    const { run } = on[env];
    const expected = [
      ...spec.credentials.map((c) => `TerraSourceCredentials ${env}-credentials-${c}`),
      ...spec.sources.map((s) => `TerraSourceScopes ${env}-scopes-${s}`),
      ...spec.sources.map((s) => `TerraSource ${env}-source-${s}`),
      `TerraUndeclaredSources ${env}-undeclared-sources`,
      `TerraWebhookDestination ${env}-webhook`,
      ...spec.data,
    ];
    expect(terraOf(run).map((r) => `${r.type.slice(DYNAMIC.length)} ${r.name}`).sort()).toEqual(expected.sort());
    const component = find(run, `${env}-terra`);
    expect(component.type).toBe('terra-iac:environment:TerraAdmin');
    expect(component.parent?.name).toBe(env);
    for (const r of terraOf(run)) expect(r.parent, r.name).toEqual({ type: 'terra-iac:environment:TerraAdmin', name: `${env}-terra` });
    const rest = (resources: PlannedResource[]) =>
      resources.filter((r) => !r.type.startsWith(DYNAMIC) && r.type !== 'terra-iac:environment:TerraAdmin').map((r) => `${r.type} ${r.name}`);
    expect(rest(run.resources)).toEqual(rest(off[env].resources));
  });

  it('passes the declared state as inputs, the base URL as a plain input and no token', () => {
    const { run } = on[env];
    for (const r of terraOf(run)) {
      expect(r.inputs, r.name).toMatchObject({ environment: env, adminBaseUrl: ADMIN_BASE_URL, providerVersion: expect.stringMatching(/\+1$/) });
      expect(r.inputs.devId).toMatch(/^acme-health-/);
    }
    expect(find(run, `${env}-source-garmin`).inputs).toMatchObject({ kind: 'source', provider: 'GARMIN', adminCode: 'garmin', enabled: true });
    expect(find(run, `${env}-undeclared-sources`).inputs).toMatchObject({ kind: 'undeclared', declared: [...spec.declared], policy: 'disable' });
    expect(find(run, `${env}-webhook`).inputs).toMatchObject({ kind: 'webhook', url: expect.stringMatching(/^https:\/\/hooks\./), active: true });
    expect(plainView(run)).not.toContain(ADMIN_TOKEN);
  });

  it('sends client secrets as Pulumi secrets, and holds no supplied secret in plain form', () => {
    const { run, supplied } = on[env];
    const strava = find(run, `${env}-credentials-strava`).inputs;
    expect(isSecretInput(strava.clientSecret)).toBe(true);
    expect((strava.clientSecret as { value: unknown }).value).toBe(supplied.byPurpose['strava-client-secret']);
    const plain = plainView(run);
    for (const value of Object.values(supplied.byPurpose)) expect(plain).not.toContain(value);
  });

  it('enables each source after its credentials and scopes; keeps credentials on delete; protects only the production destination', () => {
    const { run } = on[env];
    for (const s of spec.sources) {
      const source = find(run, `${env}-source-${s}`);
      const wanted = [...((spec.credentials as readonly string[]).includes(s) ? [`${env}-credentials-${s}`] : []), `${env}-scopes-${s}`];
      expect(namesOf(source.options?.dependsOn as unknown[]).sort()).toEqual(wanted.sort());
    }
    for (const c of spec.credentials) expect(find(run, `${env}-credentials-${c}`).options?.retainOnDelete, c).toBe(true);
    expect(find(run, `${env}-webhook`).options?.protect).toBe(env === 'production');
    expect(find(run, `${env}-source-garmin`).options?.protect ?? false).toBe(false);
  });

  it('stores and smoke-tests the declared signing secret while Terra has returned none, after the Terra resources', () => {
    const { run, supplied } = on[env];
    const version = find(run, `${env}-webhook-signing-secret-version`).inputs.secretString;
    expect(isSecretInput(version)).toBe(true);
    expect((version as { value: unknown }).value).toBe(supplied.byPurpose['webhook-signing-secret']);
    const smoke = find(run, `${env}-smoke-test`);
    expect((smoke.inputs.webhookSigningSecret as { value: unknown }).value).toBe(supplied.byPurpose['webhook-signing-secret']);
    expect(namesOf(smoke.options?.dependsOn as unknown[])).toEqual(expect.arrayContaining([`${env}-webhook`, `${env}-source-garmin`]));
  });
});

describe('data types, fields, processing and widget of config/staging.yaml', () => {
  it('are resources with the declared inputs, retained on delete, the fields after the data types', () => {
    const { run } = on.staging;
    expect(find(run, 'staging-data-types').inputs).toMatchObject({ kind: 'dataTypes', types: ['ACTIVITY', 'BODY', 'DAILY', 'MENSTRUATION', 'NUTRITION', 'SLEEP'], samples: true });
    expect(find(run, 'staging-data-fields-activity').inputs).toMatchObject({ kind: 'dataFields', dataType: 'activity', fields: ['calories', 'distance_metres', 'steps'] });
    expect(find(run, 'staging-processing').inputs).toMatchObject({ kind: 'processing', type: 'json' });
    expect(find(run, 'staging-widget').inputs).toMatchObject({ kind: 'widget', name: 'Acme Connect (staging)', logoUrl: 'https://cdn.acme-health.example/logo.png' });
    for (const name of ['staging-data-types', 'staging-data-fields-activity', 'staging-processing', 'staging-widget']) expect(find(run, name).options?.retainOnDelete, name).toBe(true);
    expect(namesOf(find(run, 'staging-data-fields-activity').options?.dependsOn as unknown[])).toEqual(['staging-data-types']);
  });
});

describe('the serialized Terra provider', () => {
  it('is one identical __provider for every Terra resource of every environment, without token or secrets', () => {
    const all = (Object.keys(SHIPPED) as Shipped[]).flatMap((env) => terraOf(on[env].run));
    const texts = new Set(all.map((r) => r.inputs.__provider));
    expect(texts.size).toBe(1);
    const text = String([...texts][0]);
    expect(text.length).toBeGreaterThan(1000);
    expect(text).not.toContain(ADMIN_TOKEN);
    for (const env of Object.keys(SHIPPED) as Shipped[]) for (const value of Object.values(on[env].supplied.byPurpose)) expect(text).not.toContain(value);
    expect(text).not.toContain(REPO);
  });
});
