import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanReport } from '../../src/infra/plan/plan-report';
import { PROVIDER_NOT_SERIALIZED } from '../../src/infra/dynamic-provider-mode';
import { STACK_FRAME, terraIac, type CliResult } from './support/cli';
import { projectCopy, removeProjectCopies } from './support/project-copy';
import { REPO, runWith, supplySecrets } from './support/shipped';

afterAll(removeProjectCopies);

const DEMO = 'terra-iac-demo-passphrase';
const NOTE = 'This is a plan of the program, not a diff against deployed state';

describe('terra-iac plan --env production, from a checkout with no environment variables', () => {
  let result: CliResult;
  beforeAll(() => {
    result = terraIac(['plan', '--env', 'production']);
  });

  it('succeeds and says first that it is a plan of the program, not a diff', () => {
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(0, 4).join(' ')).toContain(NOTE);
    expect(result.stdout.replace(/\s+/g, ' ')).toContain('PULUMI_CONFIG_PASSPHRASE is not set, so placeholders stand in');
  });

  it('lists every resource the program registers, with type, name and parent', async () => {
    const run = await runWith(REPO, 'production', supplySecrets(REPO, 'production'));
    for (const r of run.resources) {
      const line = new RegExp(`\\+ ${r.type.replace(/[$/]/g, '\\$&')}  ${r.name}\\b.*${r.parent ? `\\[parent: ${r.parent.name}\\]` : '\\(stack\\)'}`);
      expect(result.stdout).toMatch(line);
    }
    expect(result.stdout).toContain(`${run.resources.length} resources:`);
  });

  it('shows secret inputs as [secret] and no stack trace', () => {
    expect(result.stdout).toMatch(/secretString: "\[secret\]"/);
    expect(`${result.stdout}${result.stderr}`).not.toMatch(STACK_FRAME);
  });

  it('lists the smoke test with its inputs, and says its provider is not serialized (plan never runs it)', () => {
    const from = result.stdout.indexOf('+ pulumi-nodejs:dynamic/terra-iac:TerraSmokeTest  production-smoke-test  [parent: production]');
    expect(from).toBeGreaterThan(0);
    const rest = result.stdout.slice(from + 1);
    const smokeTest = rest.slice(0, rest.search(/\n\s*\+ |\nStack outputs:/));
    expect(smokeTest).toContain(`__provider: "${PROVIDER_NOT_SERIALIZED}"`);
    expect(smokeTest).toMatch(/apiKey: "\[secret\]"/);
    expect(smokeTest).toMatch(/webhookSigningSecret: "\[secret\]"/);
    expect(smokeTest).toMatch(/^\s+environment: production$/m);
    expect(smokeTest).toMatch(/^\s+- code: GARMIN$/m);
    expect(result.stdout).not.toContain('exports.handler');
  });
});

describe('what terra-iac plan loads', () => {
  it('not TypeScript or npm\'s arborist (nothing is serialized) nor the Automation API, and of @pulumi/aws only the services the program uses', () => {
    const work = projectCopy();
    const list = join(work, 'loaded.json');
    const hook = join(__dirname, '..', 'cli', 'fixtures', 'record-loaded-modules.cjs');
    const run = terraIac(['plan', '--env', 'production'], {
      cwd: work,
      env: { NODE_OPTIONS: `--require ${JSON.stringify(hook)}`, TERRA_IAC_TEST_LOADED_MODULES: list },
    });
    expect(run.code).toBe(0);
    const loaded = JSON.parse(readFileSync(list, 'utf8')) as string[];
    expect(loaded.some((f) => f.includes('/@pulumi/pulumi/'))).toBe(true);
    expect(loaded.some((f) => f.includes('/@pulumi/aws/kms/'))).toBe(true);
    expect(loaded.filter((f) => /[/\\]typescript[/\\]lib[/\\]typescript\.js$|@npmcli[/\\]arborist[/\\]lib[/\\]arborist|normalize-package-data[/\\]lib[/\\]fixer\.js$|@pulumi[/\\]pulumi[/\\]automation[/\\]stack\.js$/.test(f))).toEqual([]);
    expect(loaded.filter((f) => /@pulumi[/\\]aws[/\\](index|ec2[/\\]index)\.js$/.test(f))).toEqual([]);
  });
});

describe('terra-iac plan of a stack that applies the environment to Terra (terra-iac:applyToTerra)', () => {
  it('lists every dynamic resource (the Terra ones too) with its inputs, none with a serialized provider, and loads no TypeScript', () => {
    const work = projectCopy({ 'Pulumi.production.yaml': (text) => text.replace(/^config:$/m, 'config:\n  terra-iac:applyToTerra: true') });
    const list = join(work, 'loaded.json');
    const hook = join(__dirname, '..', 'cli', 'fixtures', 'record-loaded-modules.cjs');
    const run = terraIac(['plan', '--env', 'production', '--format', 'json'], {
      cwd: work,
      env: { TERRA_ADMIN_BASE_URL: 'https://admin.terra.invalid/api/v3/admin', NODE_OPTIONS: `--require ${JSON.stringify(hook)}`, TERRA_IAC_TEST_LOADED_MODULES: list },
    });
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as PlanReport;
    const dynamic = report.resources.filter((r) => r.type.startsWith('pulumi-nodejs:dynamic/'));
    expect(dynamic.map((r) => r.type)).toContain('pulumi-nodejs:dynamic/terra-iac:TerraSource');
    expect(dynamic.length).toBeGreaterThan(5);
    for (const r of dynamic) expect(r.inputs.__provider).toBe(PROVIDER_NOT_SERIALIZED);
    const credentials = dynamic.find((r) => r.type === 'pulumi-nodejs:dynamic/terra-iac:TerraSourceCredentials');
    expect(credentials?.inputs.clientSecret).toBe('[secret]');
    const loaded = JSON.parse(readFileSync(list, 'utf8')) as string[];
    expect(loaded.filter((f) => /[/\\]typescript[/\\]lib[/\\]typescript\.js$|runtime[/\\]closure[/\\]createClosure\.js$/.test(f))).toEqual([]);
  });
});

describe('terra-iac plan with the secrets available', () => {
  it('decrypts with PULUMI_CONFIG_PASSPHRASE and prints none of the decrypted values', () => {
    const result = terraIac(['plan', '--env', 'production'], { env: { PULUMI_CONFIG_PASSPHRASE: DEMO } });
    expect(result.code).toBe(0);
    expect(result.stdout.replace(/\s+/g, ' ')).toContain('secure stack values decrypted with PULUMI_CONFIG_PASSPHRASE');
    // Every shipped demo value starts so (scripts/seal-demo-secrets.ts).
    expect(`${result.stdout}${result.stderr}`).not.toContain('DEMO-ONLY');
  });

  it('takes fromEnv secrets from the environment and prints none of them', () => {
    const value = `strava-test-${randomUUID()}`;
    const result = terraIac(['plan', '--env', 'testing', '--format', 'json'], {
      env: { PULUMI_CONFIG_PASSPHRASE: DEMO, STRAVA_CLIENT_SECRET_TESTING: value },
    });
    expect(result.code).toBe(0);
    expect(`${result.stdout}${result.stderr}`).not.toContain(value);
    const report = JSON.parse(result.stdout) as PlanReport;
    expect(report.secretValues).toEqual({ source: 'decrypted', unsetEnvironmentVariables: [] });
  });
});

describe('terra-iac plan --format json', () => {
  it('gives the note, every resource with masked secret inputs, and the outputs', async () => {
    const result = terraIac(['plan', '--env', 'staging', '--format', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as PlanReport;
    expect(report).toMatchObject({ kind: 'terra-iac-plan', environment: 'staging', stack: 'staging' });
    expect(report.note).toContain(NOTE);
    const run = await runWith(REPO, 'staging', supplySecrets(REPO, 'staging'));
    expect(report.resources.map((r) => `${r.type} ${r.name} ${r.parent}`)).toEqual(run.resources.map((r) => `${r.type} ${r.name} ${r.parent?.name ?? null}`));
    const versions = report.resources.filter((r) => r.type === 'aws:secretsmanager/secretVersion:SecretVersion');
    expect(versions.length).toBe(7);
    for (const v of versions) expect(v.inputs.secretString).toBe('[secret]');
    expect(report.outputs.environment).toBe('staging');
    expect(report.secretValues.unsetEnvironmentVariables).toEqual([]);
  });
});

describe('terra-iac plan refuses clearly', () => {
  it('without --env: usage error, exit 2', () => {
    const result = terraIac(['plan']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('plan needs --env NAME');
  });

  it('for an unknown environment: exit 2, naming the known ones', () => {
    const result = terraIac(['plan', '--env', 'qa']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown environment "qa".*known: production, staging, testing/);
  });

  it('on an invalid config: exit 1 with the located diagnostics', () => {
    const root = projectCopy({ 'config/staging.yaml': (t) => t.replace('queueName: acme-health-terra-staging', 'queueName: "bad queue"') });
    const result = terraIac(['plan', '--env', 'staging'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^config\/staging\.yaml:19:16 error .*\[schema-value\]$/m);
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it('with a passphrase that does not unlock the stack: exit 2, a hint, no stack trace', () => {
    const result = terraIac(['plan', '--env', 'production'], { env: { PULUMI_CONFIG_PASSPHRASE: 'wrong' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PULUMI_CONFIG_PASSPHRASE does not unlock Pulumi.production.yaml');
    expect(result.stderr).toContain('hint: set the passphrase this stack was created with');
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });
});
