/**
 * IAM policy documents as plain data: built from resolved ARNs inside one `apply`, tested without Pulumi.
 * Each grants the least a reader or writer needs, on exactly the named resources.
 */

/** One IAM policy statement. */
export interface PolicyStatement {
  Sid: string;
  Effect: 'Allow' | 'Deny';
  Principal?: '*' | Record<string, string | string[]>;
  Action: string | string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

/** An IAM policy document, version 2012-10-17. */
export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: PolicyStatement[];
}

/** The KMS key that encrypts the secrets: its ARN, or the alias of a declared key given by alias. */
export type KmsKeyGrant = { keyArn: string } | { aliasName: string };

/** Actions a consumer needs to read a secret value (and nothing that lists or changes secrets). */
export const SECRET_READ_ACTIONS = ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'] as const;

/**
 * Read access to exactly `secretArns`, and `kms:Decrypt` on their key only when Secrets Manager asks for it
 * (kms:ViaService). A key declared by alias is matched with `kms:ResourceAliases`, because an alias ARN
 * in `Resource` does not grant use of the key (AWS KMS developer guide, "Using aliases to control access").
 */
export function secretsReadPolicy(secretArns: readonly string[], kms: KmsKeyGrant): PolicyDocument {
  if (secretArns.length === 0) throw new Error('a read policy needs at least one secret');
  const viaSecretsManager = { StringLike: { 'kms:ViaService': 'secretsmanager.*.amazonaws.com' } };
  const decrypt: PolicyStatement =
    'keyArn' in kms
      ? { Sid: 'DecryptThroughSecretsManager', Effect: 'Allow', Action: 'kms:Decrypt', Resource: kms.keyArn, Condition: viaSecretsManager }
      : {
          Sid: 'DecryptThroughSecretsManager',
          Effect: 'Allow',
          Action: 'kms:Decrypt',
          Resource: 'arn:aws:kms:*:*:key/*',
          Condition: { ...viaSecretsManager, 'ForAnyValue:StringEquals': { 'kms:ResourceAliases': kms.aliasName } },
        };
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: 'ReadTerraSecrets', Effect: 'Allow', Action: [...SECRET_READ_ACTIONS], Resource: [...secretArns] }, decrypt],
  };
}

/** Refuses every request to the bucket that does not use TLS (AWS S3 user guide, "aws:SecureTransport"). */
export function tlsOnlyBucketPolicy(bucketArn: string): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [bucketArn, `${bucketArn}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ],
  };
}

/** What Terra's S3 destination needs: `s3:PutObject` on the bucket's objects, nothing else (SOURCES.s3Destination). */
export function s3WriterPolicy(bucketArn: string): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: 'TerraPutObjects', Effect: 'Allow', Action: ['s3:PutObject'], Resource: [`${bucketArn}/*`] }],
  };
}

/** What Terra's SQS destination needs: `sqs:SendMessage` and `sqs:GetQueueUrl` on the queue (SOURCES.sqsDestination). */
export function sqsSenderPolicy(queueArn: string): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: 'TerraSendMessages', Effect: 'Allow', Action: ['sqs:SendMessage', 'sqs:GetQueueUrl'], Resource: [queueArn] }],
  };
}
