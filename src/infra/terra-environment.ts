import * as aws from './aws-services';
import * as pulumi from '@pulumi/pulumi';
import type { Tier } from '../catalog/environment-limits';
import { destinationCredentialsPurpose, environmentSecrets } from '../model/secret-names';
import type { Environment } from '../model/environment';
import { environmentKey } from './environment-key';
import { iamName, roleNameFromArn, secretName } from './names';
import { secretsReadPolicy } from './policies';
import { recoveryWindowInDays } from '../model/retention';
import { TerraS3Destination } from './s3-destination';
import type { SmokeTestHook } from './smoke-test-hook';
import { TerraSqsDestination } from './sqs-destination';
import { resourceTags } from './tags';
import { TerraAdmin } from './terra/terra-environment-resources';

export interface TerraEnvironmentArgs {
  /** Environment name (config/<name>.yaml): part of every secret name and the `environment` tag. */
  environment: string;
  /**
   * The validated environment. Plain data rather than an Input: it decides which resources exist, and
   * resources are never created inside `apply` (https://www.pulumi.com/docs/iac/concepts/inputs-outputs/apply/). Not validated again here.
   */
  model: Environment;
  /** The environment's tier: production keeps deleted secrets 30 days unless declared. */
  tier?: Tier;
  /** The value of every secret reference, keyed by purpose (`terra-api-key`); stored as Pulumi secrets. */
  secretValues: Readonly<Record<string, pulumi.Input<string>>>;
  /** The stack's AWS region (`aws:region`), written into destination credentials when none is declared. */
  defaultRegion?: string;
  /**
   * Apply the environment to Terra through its admin API inside `pulumi up` (stack config
   * `terra-iac:applyToTerra`); left out, no Terra resource is registered.
   */
  terra?: { adminBaseUrl: string };
}

/** A Secrets Manager secret this component created for one secret reference. */
export interface StoredSecret {
  purpose: string;
  /** Terra provider code when the secret is one of its dedicated keys. */
  provider?: string;
  name: string;
  secret: aws.secretsmanager.Secret;
  version: aws.secretsmanager.SecretVersion;
}

/**
 * One Terra environment in AWS: a Secrets Manager secret per secret reference under a KMS key with
 * rotation, an IAM policy that reads exactly those secrets (attached to the declared consumer role), and the
 * S3/SQS destinations the environment declares. Only the secret values are Inputs: names, the model and
 * regions decide which resources exist and what they are called, so they are plain values.
 */
export class TerraEnvironment extends pulumi.ComponentResource {
  /** One per secret reference of the environment, in document order. */
  readonly secrets: readonly StoredSecret[];
  /** The key that encrypts the secrets: the created key's ARN, or the declared `aws.kmsKeyId`. */
  readonly kmsKeyRef: pulumi.Output<string>;
  /** The policy that reads exactly these secrets; attach it to whatever consumes them. */
  readonly readPolicyArn: pulumi.Output<string>;
  /** The S3 and SQS destinations the environment declares, in order. */
  readonly destinations: ReadonlyArray<TerraS3Destination | TerraSqsDestination>;
  /** Everything the smoke test (src/infra/smoke-test.ts, wired by the program) needs; see SmokeTestHook. */
  readonly smokeTest: SmokeTestHook;
  /** The environment's Terra objects, with `terra` set. */
  readonly terraAdmin?: TerraAdmin;

  constructor(name: string, args: TerraEnvironmentArgs, opts?: pulumi.ComponentResourceOptions) {
    super('terra-iac:environment:TerraEnvironment', name, {}, opts);
    const { environment, model } = args;
    if (args.terra) {
      this.terraAdmin = new TerraAdmin(
        `${name}-terra`,
        { environment, model, tier: args.tier, adminBaseUrl: args.terra.adminBaseUrl, secretValues: args.secretValues },
        { parent: this },
      );
      // A destination Terra creates comes with a new signing secret: that one is stored and smoke-tested.
      const created = this.terraAdmin.signingSecret;
      if (created) args = { ...args, secretValues: { ...args.secretValues, 'webhook-signing-secret': created } };
    }
    const ownerTeams = model.owners.map((o) => o.team);
    const tags = (provider?: string) => resourceTags({ environment, ownerTeams, provider });
    const key = environmentKey(
      name,
      { environment, secretNamePrefix: model.aws.secretNamePrefix, declaredKeyId: model.aws.kmsKeyId, tags: tags(), region: model.aws.region },
      this,
    );
    const parts: Parts = {
      name,
      args,
      tags,
      key,
      recoveryWindow: recoveryWindowInDays(args.tier, model.aws.recoveryWindowInDays),
      parent: this,
    };
    this.kmsKeyRef = key.keyRef;
    this.secrets = storedSecrets(parts);
    this.readPolicyArn = readPolicy(parts, this.secrets);
    this.destinations = extraDestinations(parts);
    this.smokeTest = smokeTestHook(model, args.secretValues, this.secrets);
    if (this.terraAdmin) this.smokeTest.dependsOn.push(...this.terraAdmin.resources);
    this.registerOutputs({
      secretArns: Object.fromEntries(this.secrets.map((s) => [s.purpose, s.secret.arn])),
      kmsKeyRef: this.kmsKeyRef,
      readPolicyArn: this.readPolicyArn,
    });
  }
}

/** What every part of the component is built from. */
interface Parts {
  name: string;
  args: TerraEnvironmentArgs;
  tags: (provider?: string) => Record<string, string>;
  key: ReturnType<typeof environmentKey>;
  recoveryWindow: number;
  parent: TerraEnvironment;
}

/** One Secrets Manager secret and version per secret reference of the environment. */
function storedSecrets({ name, args, tags, key, recoveryWindow, parent }: Parts): StoredSecret[] {
  const { environment, model } = args;
  const region = model.aws.region;
  return environmentSecrets(environment, model).map(({ name: stored, purpose, provider }) => {
    const value = args.secretValues[purpose];
    if (value === undefined) throw new Error(`no value given for the secret "${purpose}"`);
    const secret = new aws.secretsmanager.Secret(
      `${name}-${purpose}`,
      {
        name: stored,
        description: `terra-iac: ${purpose} of the ${environment} Terra environment (dev-id ${model.terra.devId})`,
        kmsKeyId: key.keyRef,
        recoveryWindowInDays: recoveryWindow,
        tags: tags(provider),
        region,
      },
      { parent },
    );
    const version = new aws.secretsmanager.SecretVersion(
      `${name}-${purpose}-version`,
      { secretId: secret.id, secretString: pulumi.secret(value), region },
      { parent },
    );
    return { purpose, provider, name: stored, secret, version };
  });
}

/** The policy that reads exactly these secrets, attached to the declared consumer role. */
function readPolicy({ name, args, tags, key, parent }: Parts, secrets: readonly StoredSecret[]): pulumi.Output<string> {
  const { environment, model } = args;
  const policy = new aws.iam.Policy(
    `${name}-read-policy`,
    {
      name: iamName([model.aws.secretNamePrefix, environment, 'read-secrets'], 128),
      path: '/terra-iac/',
      description: `Read the Terra secrets of the ${environment} environment, nothing else.`,
      policy: pulumi
        .all([pulumi.all(secrets.map((s) => s.secret.arn)), key.grant])
        .apply(([arns, grant]) => JSON.stringify(secretsReadPolicy(arns, grant))),
      tags: tags(),
    },
    { parent },
  );
  if (model.aws.consumerRoleArn) {
    new aws.iam.RolePolicyAttachment(
      `${name}-read-policy-attachment`,
      { role: roleNameFromArn(model.aws.consumerRoleArn), policyArn: policy.arn },
      { parent },
    );
  }
  return policy.arn;
}

/** The S3 and SQS destinations the environment declares, each with its own least-privilege IAM user. */
function extraDestinations({ name, args, tags, key, recoveryWindow, parent }: Parts): Array<TerraS3Destination | TerraSqsDestination> {
  const { environment, model } = args;
  const { region, secretNamePrefix } = model.aws;
  return (model.destinations ?? []).map((destination) => {
    const destinationRegion = destination.region ?? region ?? args.defaultRegion;
    const kind = destination.type;
    const label = destination.type === 's3' ? destination.bucketName : destination.queueName;
    const credentials = {
      secretName: secretName(secretNamePrefix, environment, destinationCredentialsPurpose(destination)),
      kmsKeyRef: key.keyRef,
      recoveryWindowInDays: recoveryWindow,
      tags: tags(),
      region,
    };
    const userName = iamName(['terra', environment, kind, label]);
    const common = { region: destinationRegion, tags: tags(), credentials };
    return destination.type === 's3'
      ? new TerraS3Destination(`${name}-s3-${label}`, { destination, writerUserName: userName, ...common }, { parent })
      : new TerraSqsDestination(`${name}-sqs-${label}`, { destination, senderUserName: userName, ...common }, { parent });
  });
}

function smokeTestHook(
  model: Environment,
  values: TerraEnvironmentArgs['secretValues'],
  secrets: readonly StoredSecret[],
): SmokeTestHook {
  const secretOutput = (purpose: string) => {
    const value = values[purpose];
    return value === undefined ? undefined : pulumi.secret(pulumi.output(value));
  };
  const apiKey = secretOutput('terra-api-key');
  if (!apiKey) throw new Error('the environment has no Terra API key secret');
  return {
    devId: model.terra.devId,
    apiBaseUrl: model.terra.apiBaseUrl,
    webhookUrl: model.webhook?.url,
    apiKey,
    webhookSigningSecret: secretOutput('webhook-signing-secret'),
    dependsOn: secrets.map((s) => s.version),
  };
}
