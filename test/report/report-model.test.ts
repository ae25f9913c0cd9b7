import { describe, expect, it } from 'vitest';
import { GOOGLE_DEFAULT_SCOPES } from '../../src/catalog/google-scopes';
import { collectSecretRefs } from '../../src/model/secret-refs';
import { destinationCredentialsPurpose, environmentSecrets, secretName } from '../../src/model/secret-names';
import { buildAuditReport } from '../../src/report/build-report';
import { HIDDEN, SensitiveValues } from '../../src/report/redact';
import type { AuditReport, ProviderRow } from '../../src/report/types';
import type { Rule } from '../../src/validate/rule-contract';
import type { Diagnostic } from '../../src/core/diagnostic';
import { loadProject } from '../../src/project';
import { BASIC_FIXTURE, REPO_ROOT, fixedProvenance, flagPolarNotes } from './helpers';

function report(root: string, rules: readonly Rule[] = []): AuditReport {
  const project = loadProject({ root, rules });
  return buildAuditReport(project, { toolVersion: 'test', provenance: fixedProvenance(project) });
}

const row = (r: AuditReport, code: string): ProviderRow => r.providers.find((p) => p.code === code)!;
const cell = (r: AuditReport, code: string, env: string) => row(r, code).cells.find((c) => c.environment === env)!;

describe('audit report model: shipped config', () => {
  const shipped = report(REPO_ROOT);

  it('orders environments by tier and lists every declared provider, web first then mobile SDK', () => {
    expect(shipped.environments.map((e) => e.name)).toEqual(['testing', 'staging', 'production']);
    expect(shipped.providers.map((p) => p.code)).toEqual([
      'FITBIT', 'FREESTYLELIBRE', 'GARMIN', 'GOOGLE', 'HUAWEI', 'OURA', 'POLAR', 'STRAVA', 'VIRTUAGYM', 'WITHINGS', 'APPLE', 'SAMSUNG',
    ]);
    for (const p of shipped.providers) expect(p.cells.map((c) => c.environment)).toEqual(['testing', 'staging', 'production']);
  });

  it('says whose keys each provider runs on, with the public client id only', () => {
    expect(cell(shipped, 'STRAVA', 'production')).toMatchObject({ status: 'enabled', keys: 'dedicated', clientId: { label: 'client id', value: '118025' } });
    expect(cell(shipped, 'VIRTUAGYM', 'staging').clientId).toEqual({ label: 'portal name', value: 'acme-health-staging' });
    expect(cell(shipped, 'GARMIN', 'testing')).toEqual({ environment: 'testing', status: 'enabled', keys: 'terra-managed' });
    expect(cell(shipped, 'HUAWEI', 'testing')).toEqual({ environment: 'testing', status: 'not-declared', keys: null });
    expect(cell(shipped, 'APPLE', 'production').keys).toBe('not-applicable');
    expect(row(shipped, 'APPLE').mobileSdkOnly).toBe(true);
    expect(row(shipped, 'GARMIN').mobileSdkOnly).toBe(false);
  });

  it('gives scopes in full form, region notes and catalog data types marked as such', () => {
    const scopes = cell(shipped, 'GOOGLE', 'testing').scopes!;
    expect(scopes).toContain('https://www.googleapis.com/auth/fitness.activity.read');
    for (const scope of scopes) expect(GOOGLE_DEFAULT_SCOPES as readonly string[]).toContain(scope);
    expect(cell(shipped, 'FREESTYLELIBRE', 'production').regions).toEqual([
      { country: 'GB', practiceIdRequired: false },
      { country: 'DE', practiceIdRequired: true },
      { country: 'AT', practiceIdRequired: true },
      { country: 'FR', practiceIdRequired: true },
    ]);
    expect(row(shipped, 'OURA').dataTypes).toMatchObject({ source: 'catalog', confirmed: false });
  });

  it('names every secret as the Pulumi program does, and states the user limit', () => {
    const project = loadProject({ root: REPO_ROOT, rules: [] });
    for (const env of shipped.environments) {
      const model = project.environments.find((e) => e.name === env.name)!.model!;
      const referenced = collectSecretRefs(model).map((r) => secretName(model.aws.secretNamePrefix, env.name, r.purpose));
      const generated = (model.destinations ?? []).map((d) => secretName(model.aws.secretNamePrefix, env.name, destinationCredentialsPurpose(d)));
      expect(env.secrets.map((s) => s.name)).toEqual([...referenced, ...generated]);
    }
    const production = shipped.environments[2]!;
    expect(production.secrets.at(-1)).toEqual({
      name: 'acme-health/terra/production/s3-acme-health-terra-payloads-prod-credentials',
      purpose: 's3-acme-health-terra-payloads-prod-credentials',
      source: { kind: 'destination-credentials', destination: 's3 acme-health-terra-payloads-prod' },
    });
    expect(production.secrets[0]).toEqual({ name: 'acme-health/terra/production/terra-api-key', purpose: 'terra-api-key', source: { kind: 'stack-config', key: 'terraApiKey' } });
    expect(production.users.limit).toBe('unlimited');
    expect(shipped.environments[1]!.users).toMatchObject({ limit: 50, planned: 45 });
  });
});

describe('audit report model: planted fixture', () => {
  const stackRule: Rule = {
    id: 'test-stack-finding',
    severity: 'warning',
    description: 'Test rule: one finding on each stack file.',
    source: 'terra-iac tests',
    fix: 'Test rule: nothing to fix.',
    check(ctx) {
      for (const stack of ctx.stacks) ctx.report(stack.file, { path: ['config'], message: 'stack finding' });
    },
  };
  const basic = report(BASIC_FIXTURE, [flagPolarNotes, stackRule]);

  it('keeps an invalid environment in the matrix as unknown and lists its findings', () => {
    const broken = basic.environments.find((e) => e.name === 'broken')!;
    expect(broken).toMatchObject({ valid: false, devId: null, secrets: [] });
    expect(broken.findings.errors).toBeGreaterThan(0);
    expect(cell(basic, 'GARMIN', 'broken')).toEqual({ environment: 'broken', status: 'unknown', keys: null });
    expect(basic.findings.filter((f) => f.environment === 'broken').map((f) => f.ruleId)).toContain('schema-required');
  });

  it('attributes a stack file finding to the environment it deploys', () => {
    expect(basic.findings.find((f) => f.ruleId === 'test-stack-finding')).toMatchObject({ file: 'Pulumi.pilot.yaml', environment: 'pilot' });
    expect(basic.environments.find((e) => e.name === 'pilot')!.findings.warnings).toBe(1);
  });

  it('marks missing required keys, disabled and unknown providers', () => {
    expect(cell(basic, 'INBODY', 'pilot').keys).toBe('required-missing');
    expect(cell(basic, 'OURA', 'pilot').status).toBe('disabled');
    expect(row(basic, 'MYSTERYBAND')).toMatchObject({ known: false, surface: 'unknown', dataTypes: null });
    expect(cell(basic, 'POLAR', 'pilot').notes).toBe(HIDDEN);
    expect(basic.environments.find((e) => e.name === 'pilot')!.webhook).toEqual({
      url: 'https://hooks.pilot.example/terra/events?…',
      host: 'hooks.pilot.example',
      eventTypes: ['auth', 'deauth', 'activity', 'sleep'],
    });
  });
});

describe('secret names and sensitive values', () => {
  it('builds <prefix>/<environment>/<purpose> without doubling a trailing slash', () => {
    expect(secretName('acme/terra', 'staging', 'terra-api-key')).toBe('acme/terra/staging/terra-api-key');
    expect(secretName('acme/terra/', 'staging', 'terra-api-key')).toBe('acme/terra/staging/terra-api-key');
    const model = loadProject({ root: REPO_ROOT, rules: [] }).environments.find((e) => e.name === 'testing')!.model!;
    expect(environmentSecrets('testing', model).find((s) => s.provider === 'STRAVA')).toMatchObject({
      name: 'acme-health/terra/testing/strava-client-secret',
      ref: { fromEnv: 'STRAVA_CLIENT_SECRET_TESTING' },
    });
  });

  it('hides a flagged value and everything under a flagged parent, but never on a whole-file finding', () => {
    const d = (path: Diagnostic['path'], file = 'config/a.yaml'): Diagnostic => ({ ruleId: 'x', severity: 'error', message: 'm', file, line: 1, column: 1, path, sensitive: true });
    const values = new SensitiveValues([d(['providers', 'GARMIN']), d([], 'config/b.yaml')], []);
    expect(values.show('config/a.yaml', ['providers', 'GARMIN', 'notes'], 'n')).toBe(HIDDEN);
    expect(values.show('config/a.yaml', ['providers', 'POLAR', 'notes'], 'n')).toBe('n');
    expect(values.show('config/b.yaml', ['description'], 'd')).toBe('d');
  });
});
