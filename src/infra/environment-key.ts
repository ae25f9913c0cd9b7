import * as aws from './aws-services';
import * as pulumi from '@pulumi/pulumi';
import { kmsAliasName, kmsAliasOf } from './names';
import type { KmsKeyGrant } from './policies';
import { KMS_KEY_DELETION_WINDOW_DAYS } from '../model/retention';

/** What the environment's KMS key gives the secrets and the read policy. */
export interface EnvironmentKey {
  /** What `Secret.kmsKeyId` takes: the created key's ARN, or the declared key reference as written. */
  keyRef: pulumi.Output<string>;
  /** What the read policy grants `kms:Decrypt` on. */
  grant: pulumi.Output<KmsKeyGrant>;
  /** The key this stack created, when the environment declares none. */
  key?: aws.kms.Key;
}

export interface EnvironmentKeyArgs {
  environment: string;
  secretNamePrefix: string;
  /** `aws.kmsKeyId` of the environment: an existing key ARN, alias ARN or `alias/<name>`. */
  declaredKeyId?: string;
  tags: Record<string, string>;
  region?: string;
}

/**
 * The declared key, or a new customer-managed key with yearly automatic rotation and an alias
 * `alias/<prefix>/<environment>` so operators find it in the console.
 */
export function environmentKey(name: string, args: EnvironmentKeyArgs, parent: pulumi.Resource): EnvironmentKey {
  const { declaredKeyId, region, tags } = args;
  if (declaredKeyId) {
    const aliasName = kmsAliasOf(declaredKeyId);
    const grant: KmsKeyGrant = aliasName ? { aliasName } : { keyArn: declaredKeyId };
    return { keyRef: pulumi.output(declaredKeyId), grant: pulumi.output(grant) };
  }
  const key = new aws.kms.Key(
    `${name}-kms-key`,
    {
      description: `terra-iac: secrets of the ${args.environment} Terra environment (${args.secretNamePrefix})`,
      enableKeyRotation: true,
      deletionWindowInDays: KMS_KEY_DELETION_WINDOW_DAYS,
      tags,
      region,
    },
    { parent },
  );
  new aws.kms.Alias(
    `${name}-kms-alias`,
    { name: kmsAliasName(args.secretNamePrefix, args.environment), targetKeyId: key.keyId, region },
    { parent },
  );
  return { keyRef: key.arn, grant: key.arn.apply((keyArn): KmsKeyGrant => ({ keyArn })), key };
}
