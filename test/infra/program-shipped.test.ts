import * as pulumi from '@pulumi/pulumi';
import { beforeAll, describe, expect, it } from 'vitest';
import { isSecretInput, knownAfterDeploy } from '../../src/infra/plan/recording-mocks';
import type { MockRun, PlannedResource } from '../../src/infra/plan/run-program';
import type { PolicyDocument } from '../../src/infra/policies';
import type { TerraEnvironment } from '../../src/infra/terra-environment';
import { plainView, REPO, runWith, supplySecrets, type SuppliedSecrets } from './support/shipped';

/** What each shipped environment declares, written out by hand: the spec the program must meet. */
const SHIPPED = {
  testing: {
    purposes: ['terra-api-key', 'webhook-signing-secret', 'strava-client-secret', 'google-client-secret'],
    owners: 'platform',
    createsKey: true,
    declaredKey: undefined,
    consumerRole: undefined,
    recoveryWindow: 7,
  },
  staging: {
    purposes: ['terra-api-key', 'webhook-signing-secret', 'strava-client-secret', 'google-client-secret', 'huawei-client-secret', 'virtuagym-api-key'],
    owners: 'platform qa',
    createsKey: false,
    declaredKey: 'alias/acme-health-staging-secrets',
    consumerRole: 'acme-health-api-staging',
    recoveryWindow: 7,
  },
  production: {
    purposes: ['terra-api-key', 'webhook-signing-secret', 'strava-client-secret', 'google-client-secret', 'huawei-client-secret', 'virtuagym-api-key'],
    owners: 'platform security',
    createsKey: true,
    declaredKey: undefined,
    consumerRole: 'acme-health-api-production',
    recoveryWindow: 30,
  },
} as const;
type Shipped = keyof typeof SHIPPED;

const PROVIDER_OF: Record<string, string> = {
  'strava-client-secret': 'STRAVA',
  'google-client-secret': 'GOOGLE',
  'huawei-client-secret': 'HUAWEI',
  'virtuagym-api-key': 'VIRTUAGYM',
};

function expectedResources(env: Shipped): string[] {
  const spec = SHIPPED[env];
  const list = [`pulumi:pulumi:Stack terra-iac-${env}`, `terra-iac:environment:TerraEnvironment ${env}`];
  if (spec.createsKey) list.push(`aws:kms/key:Key ${env}-kms-key`, `aws:kms/alias:Alias ${env}-kms-alias`);
  for (const p of spec.purposes) {
    list.push(`aws:secretsmanager/secret:Secret ${env}-${p}`, `aws:secretsmanager/secretVersion:SecretVersion ${env}-${p}-version`);
  }
  list.push(`aws:iam/policy:Policy ${env}-read-policy`);
  // Shipped stacks keep the smoke test on (terra-iac:smokeTest: true).
  list.push(`pulumi-nodejs:dynamic/terra-iac:TerraSmokeTest ${env}-smoke-test`);
  if (spec.consumerRole) list.push(`aws:iam/rolePolicyAttachment:RolePolicyAttachment ${env}-read-policy-attachment`);
  if (env === 'production') {
    const s3 = 'production-s3-acme-health-terra-payloads-prod';
    list.push(
      `terra-iac:destination:TerraS3Destination ${s3}`,
      `aws:s3/bucket:Bucket ${s3}-bucket`,
      `aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration ${s3}-encryption`,
      `aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock ${s3}-public-access-block`,
      `aws:s3/bucketPolicy:BucketPolicy ${s3}-tls-only-policy`,
      `aws:iam/user:User ${s3}-writer`,
      `aws:iam/userPolicy:UserPolicy ${s3}-writer-policy`,
      `aws:iam/accessKey:AccessKey ${s3}-writer-key`,
      `aws:secretsmanager/secret:Secret ${s3}-writer-credentials`,
      `aws:secretsmanager/secretVersion:SecretVersion ${s3}-writer-credentials-version`,
    );
  }
  if (env === 'staging') {
    const sqs = 'staging-sqs-acme-health-terra-staging';
    list.push(
      `terra-iac:destination:TerraSqsDestination ${sqs}`,
      `aws:sqs/queue:Queue ${sqs}-queue`,
      `aws:iam/user:User ${sqs}-sender`,
      `aws:iam/userPolicy:UserPolicy ${sqs}-sender-policy`,
      `aws:iam/accessKey:AccessKey ${sqs}-sender-key`,
      `aws:secretsmanager/secret:Secret ${sqs}-sender-credentials`,
      `aws:secretsmanager/secretVersion:SecretVersion ${sqs}-sender-credentials-version`,
    );
  }
  return list.sort();
}

const runs = {} as Record<Shipped, { run: MockRun; supplied: SuppliedSecrets }>;

beforeAll(async () => {
  for (const env of Object.keys(SHIPPED) as Shipped[]) {
    const supplied = supplySecrets(REPO, env);
    runs[env] = { run: await runWith(REPO, env, supplied), supplied };
  }
});

const find = (run: MockRun, name: string): PlannedResource => {
  const found = run.resources.find((r) => r.name === name);
  if (!found) throw new Error(`no resource ${name}`);
  return found;
};
const policyOf = (r: PlannedResource) => JSON.parse(r.inputs.policy as string) as PolicyDocument;

describe.each(Object.keys(SHIPPED) as Shipped[])('the program for config/%s.yaml', (env) => {
  const spec = SHIPPED[env];

  it('registers exactly the expected resources (type token and name)', () => {
    expect(runs[env].run.resources.map((r) => `${r.type} ${r.name}`).sort()).toEqual(expectedResources(env));
  });

  it('parents every resource under the environment component (destinations under their own)', () => {
    for (const r of runs[env].run.resources) {
      if (r.type === 'pulumi:pulumi:Stack') expect(r.parent).toBeUndefined();
      else if (r.type === 'terra-iac:environment:TerraEnvironment') expect(r.parent?.name).toBe(`terra-iac-${env}`);
      else if (r.type.startsWith('terra-iac:destination:') || !/-(s3|sqs)-/.test(r.name)) expect(r.parent?.name).toBe(env);
      else expect(r.parent?.type).toMatch(/^terra-iac:destination:/);
    }
  });

  it('stores each secret reference in its own Secrets Manager secret, named <prefix>/<env>/<purpose>', () => {
    const { run, supplied } = runs[env];
    for (const purpose of spec.purposes) {
      const secret = find(run, `${env}-${purpose}`).inputs;
      expect(secret.name).toBe(`acme-health/terra/${env}/${purpose}`);
      expect(secret.recoveryWindowInDays).toBe(spec.recoveryWindow);
      expect(secret.kmsKeyId).toBe(spec.declaredKey ?? knownAfterDeploy(`${env}-kms-key`, 'arn'));
      expect(secret.region).toBe('eu-west-1');
      const version = find(run, `${env}-${purpose}-version`).inputs;
      expect(version.secretId).toBe(knownAfterDeploy(`${env}-${purpose}`, 'id'));
      expect(isSecretInput(version.secretString), `${purpose} value is a Pulumi secret`).toBe(true);
      expect((version.secretString as { value: unknown }).value).toBe(supplied.byPurpose[purpose]);
    }
  });

  it('creates a KMS key with rotation, or uses the declared one', () => {
    const key = runs[env].run.resources.find((r) => r.type === 'aws:kms/key:Key');
    if (!spec.createsKey) {
      expect(key).toBeUndefined();
      return;
    }
    expect(key?.inputs).toMatchObject({ enableKeyRotation: true, deletionWindowInDays: 30, region: 'eu-west-1' });
    expect(find(runs[env].run, `${env}-kms-alias`).inputs).toMatchObject({
      name: `alias/acme-health/terra/${env}`,
      targetKeyId: knownAfterDeploy(`${env}-kms-key`, 'keyId'),
    });
  });

  it('tags every taggable resource with environment, provider, owner and managed-by', () => {
    const taggable = ['aws:kms/key:Key', 'aws:secretsmanager/secret:Secret', 'aws:iam/policy:Policy', 'aws:s3/bucket:Bucket', 'aws:iam/user:User', 'aws:sqs/queue:Queue'];
    const tagged = runs[env].run.resources.filter((r) => taggable.includes(r.type));
    expect(tagged.length).toBeGreaterThan(spec.purposes.length);
    for (const r of tagged) {
      const purpose = r.name.slice(env.length + 1);
      expect(r.inputs.tags, r.name).toEqual({ environment: env, provider: PROVIDER_OF[purpose] ?? 'terra', owner: spec.owners, 'managed-by': 'terra-iac' });
    }
  });

  it('grants read access to exactly these secrets, and kms:Decrypt on their key through Secrets Manager', () => {
    const { run } = runs[env];
    const policy = policyOf(find(run, `${env}-read-policy`));
    const [read, decrypt] = policy.Statement;
    expect(policy.Statement).toHaveLength(2);
    expect(read).toMatchObject({ Effect: 'Allow', Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'] });
    expect(read!.Resource).toEqual(spec.purposes.map((p) => knownAfterDeploy(`${env}-${p}`, 'arn')));
    expect(decrypt).toMatchObject({ Effect: 'Allow', Action: 'kms:Decrypt' });
    expect(decrypt!.Condition?.StringLike).toEqual({ 'kms:ViaService': 'secretsmanager.*.amazonaws.com' });
    if (spec.declaredKey) {
      expect(decrypt!.Condition?.['ForAnyValue:StringEquals']).toEqual({ 'kms:ResourceAliases': spec.declaredKey });
    } else {
      expect(decrypt!.Resource).toBe(knownAfterDeploy(`${env}-kms-key`, 'arn'));
    }
    const attachment = run.resources.find((r) => r.type === 'aws:iam/rolePolicyAttachment:RolePolicyAttachment');
    if (spec.consumerRole) expect(attachment?.inputs).toEqual({ role: spec.consumerRole, policyArn: knownAfterDeploy(`${env}-read-policy`, 'arn') });
    else expect(attachment).toBeUndefined();
  });

  it('marks every secret value secret, in the inputs and on the resources', async () => {
    const { run } = runs[env];
    const versions = run.resources.filter((r) => r.type === 'aws:secretsmanager/secretVersion:SecretVersion');
    expect(versions.length).toBeGreaterThanOrEqual(spec.purposes.length);
    for (const v of versions) {
      expect(isSecretInput(v.inputs.secretString), v.name).toBe(true);
      expect(await pulumi.isSecret((v.resource as pulumi.CustomResource & { secretString: pulumi.Output<string> }).secretString), v.name).toBe(true);
    }
    const component = find(run, env).resource as TerraEnvironment;
    expect(await pulumi.isSecret(component.smokeTest.apiKey)).toBe(true);
    expect(await pulumi.isSecret(component.smokeTest.webhookSigningSecret!)).toBe(true);
    expect(component.smokeTest.dependsOn).toHaveLength(spec.purposes.length);
  });

  it('smoke-tests the environment with secret credentials, after the secrets are stored', () => {
    const { run, supplied } = runs[env];
    const smoke = find(run, `${env}-smoke-test`);
    expect(smoke.parent?.name).toBe(env);
    expect(isSecretInput(smoke.inputs.apiKey), 'apiKey input is a Pulumi secret').toBe(true);
    expect(isSecretInput(smoke.inputs.webhookSigningSecret), 'signing secret input is a Pulumi secret').toBe(true);
    expect((smoke.inputs.apiKey as { value: unknown }).value).toBe(supplied.byPurpose['terra-api-key']);
    expect(smoke.inputs).toMatchObject({ environment: env, devId: expect.stringContaining(env === 'production' ? 'prod' : env) });
  });

  it('never holds a supplied secret value in plain form in any input or output', () => {
    const { run, supplied } = runs[env];
    const plain = plainView(run);
    for (const value of Object.values(supplied.byPurpose)) expect(plain).not.toContain(value);
  });

  it('outputs names, ARNs and a summary, none of them secret', () => {
    const { outputs } = runs[env].run;
    for (const [key, output] of Object.entries(outputs)) expect(output.secret, key).toBe(false);
    expect(outputs.environment?.value).toBe(env);
    const secrets = outputs.secrets?.value as Record<string, { name: string; arn: string }>;
    expect(Object.keys(secrets)).toEqual([...spec.purposes]);
    for (const p of spec.purposes) expect(secrets[p]).toEqual({ name: `acme-health/terra/${env}/${p}`, arn: knownAfterDeploy(`${env}-${p}`, 'arn') });
    expect(outputs.summary?.value).toMatchObject({ devId: expect.stringMatching(/^acme-health-/), webhookHost: expect.stringMatching(/acme-health\.example$/) });
    expect((outputs.summary?.value as { enabledProviders: string[] }).enabledProviders).toContain('GARMIN');
  });
});

describe('destinations', () => {
  it('production: an encrypted, private, TLS-only bucket and a writer limited to s3:PutObject', () => {
    const { run } = runs.production;
    const s3 = 'production-s3-acme-health-terra-payloads-prod';
    const bucketArn = knownAfterDeploy(`${s3}-bucket`, 'arn');
    expect(find(run, `${s3}-bucket`).inputs.bucket).toBe('acme-health-terra-payloads-prod');
    expect(find(run, `${s3}-encryption`).inputs.rules).toEqual([{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms' }, bucketKeyEnabled: true }]);
    expect(find(run, `${s3}-public-access-block`).inputs).toMatchObject({
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    const tls = policyOf(find(run, `${s3}-tls-only-policy`)).Statement;
    expect(tls).toEqual([expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]);
    const writer = policyOf(find(run, `${s3}-writer-policy`)).Statement;
    expect(writer).toEqual([expect.objectContaining({ Effect: 'Allow', Action: ['s3:PutObject'], Resource: [`${bucketArn}/*`] })]);
    expect(find(run, `${s3}-writer-credentials`).inputs.name).toBe('acme-health/terra/production/s3-acme-health-terra-payloads-prod-credentials');
    const stored = find(run, `${s3}-writer-credentials-version`).inputs.secretString;
    expect(isSecretInput(stored)).toBe(true);
    expect(JSON.parse((stored as { value: string }).value)).toEqual({
      accessKeyId: knownAfterDeploy(`${s3}-writer-key`, 'id'),
      secretAccessKey: knownAfterDeploy(`${s3}-writer-key`, 'secret'),
      bucketName: 'acme-health-terra-payloads-prod',
      region: 'eu-west-1',
    });
  });

  it('staging: an encrypted queue and a sender limited to sqs:SendMessage and sqs:GetQueueUrl', () => {
    const { run } = runs.staging;
    const sqs = 'staging-sqs-acme-health-terra-staging';
    expect(find(run, `${sqs}-queue`).inputs).toMatchObject({ name: 'acme-health-terra-staging', sqsManagedSseEnabled: true });
    const sender = policyOf(find(run, `${sqs}-sender-policy`)).Statement;
    expect(sender).toEqual([
      expect.objectContaining({ Effect: 'Allow', Action: ['sqs:SendMessage', 'sqs:GetQueueUrl'], Resource: [knownAfterDeploy(`${sqs}-queue`, 'arn')] }),
    ]);
    expect(find(run, `${sqs}-sender-credentials`).inputs.kmsKeyId).toBe('alias/acme-health-staging-secrets');
    expect(isSecretInput(find(run, `${sqs}-sender-credentials-version`).inputs.secretString)).toBe(true);
  });
});
