import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { writeStackSecret } from '../../src/load/stack-secret-writer';
import { startLocalTerraAdmin, type LocalTerraAdmin } from '../support/local-terra-admin';
import { leakedIn, runCliAsync } from './admin-cli';
import { assertBuilt, copyProject, removeProjects, STACK_FRAME, type CliResult } from './helpers';
import { CLINIC_DEV, CLINIC_SECRETS, clinicSeed } from './import-seed';

const PASSPHRASE = 'clinic-stack-passphrase';
const READ = ['providers:read', 'destinations:read', 'account:read', 'dataconfig:read'];
/** Every key config/clinic.yaml references, in document order. */
const STACK_KEYS = ['terraApiKey', 'terraWebhookSigningSecret', 'googleClientSecret', 'stravaClientSecret', 'withingsClientSecret'];

let admin: LocalTerraAdmin | undefined;
beforeAll(() => assertBuilt());
afterEach(async () => {
  await admin?.close();
  admin = undefined;
});
afterAll(() => removeProjects());

const cli = (dir: string, token: string, args: readonly string[], extra: Record<string, string> = {}) =>
  runCliAsync(args, dir, { TERRA_ADMIN_TOKEN: token, PULUMI_CONFIG_PASSPHRASE: PASSPHRASE, ...extra });
const importClinic = (dir: string, token: string, ...extra: string[]) =>
  cli(dir, token, ['import', '--env', 'clinic', '--dev-id', CLINIC_DEV, '--admin-base-url', admin!.baseUrl, ...extra]);
const files = (dir: string) => ({ env: join(dir, 'config', 'clinic.yaml'), stack: join(dir, 'Pulumi.clinic.yaml') });
const read = (dir: string) => ({ env: readFileSync(files(dir).env, 'utf8'), stack: readFileSync(files(dir).stack, 'utf8') });

/** The token, every secret the seed holds, and the masks Terra shows of them (`****` + last four). */
function secretsOf(token: string): Record<string, string> {
  const masks = Object.fromEntries(Object.entries(CLINIC_SECRETS).map(([name, value]) => [`${name} mask`, `****${value.slice(-4)}`]));
  return { token, ...CLINIC_SECRETS, ...masks };
}

function expectClean(results: readonly CliResult[], texts: readonly string[], token: string): void {
  const outputs = [...results.flatMap((r) => [r.stdout, r.stderr]), ...texts];
  expect(leakedIn(outputs, secretsOf(token))).toEqual([]);
  for (const r of results) expect(r.stderr).not.toMatch(STACK_FRAME);
}

describe('terra-iac import against a dashboard-made environment', () => {
  it('writes both files, GET only, with every enabled source, keys, scopes and the webhook, and no secret', async () => {
    admin = await startLocalTerraAdmin({ seed: clinicSeed() });
    const token = admin.issueToken({ scopes: READ });
    const dir = copyProject();
    const result = await importClinic(dir, token);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect([...new Set(admin.requests.map((r) => r.method))]).toEqual(['GET']);
    expect(admin.requests.map((r) => r.operationId)).toEqual(expect.arrayContaining(['getMe', 'listSources', 'listDestinations', 'getSourceCredentials', 'getSourceScopes', 'getEnvironment']));

    const { env, stack } = read(dir);
    expect(env.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/environment.schema.json');
    expect(stack.split('\n')[0]).toBe('# yaml-language-server: $schema=./schemas/pulumi-stack.schema.json');
    const model = parse(env) as Record<string, any>;
    expect(model.tier).toBe('staging');
    expect(Object.keys(model.providers)).toEqual(['GARMIN', 'GOOGLE', 'OURA', 'STRAVA', 'WITHINGS']);
    expect(model.providers.STRAVA.dedicatedKeys).toEqual({ clientId: '204417', clientSecret: { fromStackConfig: 'stravaClientSecret' }, callbackDomain: 'access.tryterra.co' });
    expect(model.providers.WITHINGS).toEqual({ dedicatedKeys: { clientId: 'wd-77310', clientSecret: { fromStackConfig: 'withingsClientSecret' } }, scopes: ['user.metrics', 'user.activity'] });
    expect(model.providers.GOOGLE.dedicatedKeys.scopes).toHaveLength(4);
    expect(model.webhook).toEqual({ url: 'https://hooks.northwind-clinic.example/terra', signingSecret: { fromStackConfig: 'terraWebhookSigningSecret' }, eventTypes: ['activity', 'auth', 'deauth', 'sleep'] });
    expect(model.terra).toMatchObject({ devId: CLINIC_DEV, apiKey: { fromStackConfig: 'terraApiKey' }, admin: { baseUrl: admin.baseUrl } });
    expect(env).toMatch(/# needs a human: the owning team/);
    expect(env).toMatch(/# needs a human: where the secrets go in AWS Secrets Manager/);
    expect(env).toContain('# - destination s3 s3://northwind-terra-payloads: not a webhook, so not imported');
    const stackModel = parse(stack) as Record<string, unknown>;
    expect(stackModel).toMatchObject({ secretsprovider: 'passphrase', config: { 'terra-iac:applyToTerra': false } });
    expect(stackModel.encryptionsalt).toMatch(/^v1:/);
    expect(stack).toContain('# needs a human: the AWS region this stack deploys to');

    for (const key of STACK_KEYS) expect(result.stdout).toContain(`  pulumi config set --secret ${key} --stack clinic\n`);
    expect(result.stdout).toContain('tier: staging (inferred from the label "Northwind Staging" of GET /environments/{dev_id})');
    expect(admin.requests.map((r) => r.operationId)).toEqual(expect.arrayContaining(['listUnifiedApiScopes', 'listProcessing', 'getWidgetConfig']));
    expect(model.data).toEqual({ types: ['ACTIVITY', 'BODY', 'SLEEP'], samples: true, fields: { activity: ['distance_metres', 'steps'] }, processing: 'fhir' });
    expect(model.widget).toEqual({ name: 'Northwind Connect', logoUrl: 'https://cdn.northwind-clinic.example/logo.png' });
    expect(env).toContain('  types: [ACTIVITY, BODY, SLEEP]');
    expect(result.stdout).toContain('  data: types ACTIVITY, BODY, SLEEP; samples on; fields of activity; processing fhir\n  widget: name "Northwind Connect", a logo\n');
    expectClean([result], [env, stack], token);
  });

  it('without dataconfig:read writes the rest, and says the data selection and widget were not read', async () => {
    admin = await startLocalTerraAdmin({ seed: clinicSeed() });
    const token = admin.issueToken({ scopes: READ.filter((s) => s !== 'dataconfig:read') });
    const dir = copyProject();
    const result = await importClinic(dir, token);
    expect(result.code).toBe(0);
    const { env, stack } = read(dir);
    const model = parse(env) as Record<string, unknown>;
    expect(model.data).toBeUndefined();
    expect(model.widget).toBeUndefined();
    expect(Object.keys(model.providers as object)).toHaveLength(5);
    const remark = 'data types, fields, processing and widget: not read, the token lacks the scope dataconfig:read (terra login --scope dataconfig:read imports them too)';
    expect(result.stdout).toContain(`  - ${remark}\n`);
    expect(env).toContain(`# - ${remark}`);
    expect(admin.requests.map((r) => r.operationId)).not.toContain('listUnifiedApiScopes');
    expectClean([result], [env, stack], token);
  });

  it('validate then reports only the secrets to set, each with its command; set, validate passes and drift is clean', async () => {
    admin = await startLocalTerraAdmin({ seed: clinicSeed() });
    const token = admin.issueToken({ scopes: READ });
    const dir = copyProject();
    const imported = await importClinic(dir, token);
    expect(imported.code).toBe(0);

    const before = await cli(dir, token, ['validate', '--env', 'clinic', '--format', 'json']);
    expect(before.code).toBe(1);
    const diagnostics = (JSON.parse(before.stdout) as { diagnostics: { ruleId: string; file: string; hint?: string }[] }).diagnostics;
    expect(diagnostics.map((d) => d.ruleId)).toEqual(STACK_KEYS.map(() => 'stack-secret-present'));
    expect(diagnostics.map((d) => d.hint)).toEqual(STACK_KEYS.map((key) => `pulumi config set --secret ${key} --stack clinic`));

    // Drift reads Terra before any secret is set: clean, and it says what it did not compare.
    const early = await cli(dir, token, ['drift', '--env', 'clinic']);
    expect(early.stderr).toBe(`terra-iac: note: ${STACK_KEYS.length} secrets of Pulumi.clinic.yaml not set yet (terra-iac validate --env clinic gives the commands); drift does not compare them\n`);
    expect(early.stdout).toMatch(/clinic \(dev-id northwind-clinic-Q2xT7v\) in sync: 0 changes/);
    expect(early.stdout).toContain('client secret not compared: its declared value is not available here');
    expect(early.code).toBe(0);
    // apply needs the values, so it still refuses.
    const refused = await cli(dir, token, ['apply', '--env', 'clinic', '--yes']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('stack-secret-present');

    // What `pulumi config set --secret` does, with the values the team kept: encrypted into the stack file.
    const values: Record<string, string> = {
      terraApiKey: CLINIC_SECRETS.apiKey,
      terraWebhookSigningSecret: CLINIC_SECRETS.webhookSigningSecret,
      googleClientSecret: CLINIC_SECRETS.googleSecret,
      stravaClientSecret: CLINIC_SECRETS.stravaSecret,
      withingsClientSecret: CLINIC_SECRETS.withingsSecret,
    };
    const target = { stackFile: files(dir).stack, shownAs: 'Pulumi.clinic.yaml', passphrase: PASSPHRASE };
    for (const [key, value] of Object.entries(values)) writeStackSecret(target, `terra-iac:${key}`, value);

    const after = await cli(dir, token, ['validate', '--env', 'clinic']);
    expect(after.stdout).toContain('0 errors, 0 warnings');
    expect(after.code).toBe(0);

    const sent = admin.requests.length;
    const drift = await cli(dir, token, ['drift', '--env', 'clinic']);
    expect(drift.stderr).toBe('');
    expect(drift.stdout).toMatch(/clinic \(dev-id northwind-clinic-Q2xT7v\) in sync: 0 changes/);
    // With the values at hand, each client secret was compared with Terra's mask.
    expect(drift.stdout).toContain('? credentials STRAVA client_secret: client secret\'s last characters match Terra\'s mask: not proven different');
    expect(drift.code).toBe(0);
    expect([...new Set(admin.requests.slice(sent).map((r) => r.method))]).toEqual(['GET']);
    expectClean([imported, before, early, refused, after, drift], Object.values(read(dir)), token);
  });

  it('refuses (exit 2) when a file exists without --force, leaving both files byte-identical; --force replaces them', async () => {
    admin = await startLocalTerraAdmin({ seed: clinicSeed() });
    const token = admin.issueToken({ scopes: READ });
    const dir = copyProject();
    expect((await importClinic(dir, token)).code).toBe(0);
    const first = read(dir);
    writeFileSync(files(dir).env, `${first.env}# edited by a human\n`);
    const edited = read(dir);
    const sent = admin.requests.length;

    const again = await importClinic(dir, token);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('config/clinic.yaml and Pulumi.clinic.yaml already exist; nothing was written');
    expect(again.stderr).toContain('hint: pass --force');
    expect(read(dir)).toEqual(edited);
    expect(admin.requests.length).toBe(sent);

    // Only one of the two exists: the other is not written either.
    const lone = copyProject();
    writeFileSync(join(lone, 'Pulumi.clinic.yaml'), 'config: {}\n');
    const half = await importClinic(lone, token);
    expect(half.code).toBe(2);
    expect(half.stderr).toContain('Pulumi.clinic.yaml already exists; nothing was written');
    expect(existsSync(files(lone).env)).toBe(false);
    expect(readFileSync(files(lone).stack, 'utf8')).toBe('config: {}\n');

    const forced = await importClinic(dir, token, '--force');
    expect(forced.code).toBe(0);
    expect(read(dir).env).toBe(first.env);
    expectClean([again, half, forced], Object.values(read(dir)), token);
  });

  it('infers production from billable, asks for --tier when nothing tells, and takes --tier', async () => {
    const seed = clinicSeed('Northwind');
    admin = await startLocalTerraAdmin({ seed: { environments: { [CLINIC_DEV]: { ...seed.environments[CLINIC_DEV], name: 'Northwind Clinic' } } } });
    const token = admin.issueToken({ scopes: READ });
    const dir = copyProject();
    const unknown = await importClinic(dir, token);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(`cannot tell the tier of dev-id ${CLINIC_DEV}`);
    expect(unknown.stderr).toContain('hint: pass --tier testing, --tier staging or --tier production');
    expect(existsSync(files(dir).env) || existsSync(files(dir).stack)).toBe(false);

    const given = await importClinic(dir, token, '--tier', 'testing');
    expect(given.code).toBe(0);
    expect((parse(read(dir).env) as { tier: string }).tier).toBe('testing');

    admin.mutate(CLINIC_DEV, (env) => {
      env.billable = true;
    });
    const billed = await importClinic(dir, token, '--force');
    expect(billed.code).toBe(0);
    const model = parse(read(dir).env) as { tier: string; providers: { GOOGLE: { dedicatedKeys: { appVerification: string } } } };
    expect(model.tier).toBe('production');
    expect(model.providers.GOOGLE.dedicatedKeys.appVerification).toBe('verified');
    expect(billed.stdout).toContain('tier: production (inferred from billable: true in GET /environments/{dev_id})');

    // A token without account:read cannot read the label: --tier is then the way.
    const narrow = admin.issueToken({ scopes: ['providers:read', 'destinations:read'] });
    const refused = await importClinic(copyProject(), narrow);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('account:read');
    expectClean([unknown, given, billed, refused], Object.values(read(dir)), token);
  });

  it('exits 2 with the fix, writing nothing, without a token, a base URL or the read scopes', async () => {
    admin = await startLocalTerraAdmin({ seed: clinicSeed() });
    const token = admin.issueToken({ scopes: ['providers:read'] });
    const dir = copyProject();
    const noToken = await runCliAsync(['import', '--env', 'clinic', '--dev-id', CLINIC_DEV, '--admin-base-url', admin.baseUrl], dir, {});
    expect(noToken.stderr).toContain('TERRA_ADMIN_TOKEN is not set');
    const noUrl = await cli(dir, token, ['import', '--env', 'clinic', '--dev-id', CLINIC_DEV]);
    expect(noUrl.stderr).toContain('no admin API base URL');
    const scope = await importClinic(dir, token);
    expect(scope.stderr).toContain('terra login --scope destinations:read');
    const badName = await cli(dir, token, ['import', '--env', '../clinic', '--dev-id', CLINIC_DEV]);
    expect(badName.stderr).toContain('is not an environment name');
    for (const r of [noToken, noUrl, scope, badName]) expect(r.code).toBe(2);
    expect(existsSync(files(dir).env) || existsSync(files(dir).stack)).toBe(false);
    expect(admin.requests.every((r) => r.method === 'GET')).toBe(true);
    expectClean([noToken, noUrl, scope, badName], [], token);
  });
});
