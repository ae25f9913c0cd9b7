import { describe, expect, it } from 'vitest';
import { s3WriterPolicy, secretsReadPolicy, sqsSenderPolicy, tlsOnlyBucketPolicy } from '../../src/infra/policies';

const ARNS = [
  'arn:aws:secretsmanager:eu-west-1:123456789012:secret:acme/terra/production/terra-api-key-AbCdEf',
  'arn:aws:secretsmanager:eu-west-1:123456789012:secret:acme/terra/production/webhook-signing-secret-GhIjKl',
];
const KEY = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

describe('secretsReadPolicy', () => {
  it('reads exactly the given secrets and decrypts with their key only through Secrets Manager', () => {
    const policy = secretsReadPolicy(ARNS, { keyArn: KEY });
    expect(policy.Version).toBe('2012-10-17');
    expect(policy.Statement).toEqual([
      { Sid: 'ReadTerraSecrets', Effect: 'Allow', Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], Resource: ARNS },
      {
        Sid: 'DecryptThroughSecretsManager',
        Effect: 'Allow',
        Action: 'kms:Decrypt',
        Resource: KEY,
        Condition: { StringLike: { 'kms:ViaService': 'secretsmanager.*.amazonaws.com' } },
      },
    ]);
  });
  it('matches a key declared by alias with kms:ResourceAliases, never with the alias in Resource', () => {
    const decrypt = secretsReadPolicy(ARNS, { aliasName: 'alias/acme-staging' }).Statement[1]!;
    expect(decrypt.Resource).toBe('arn:aws:kms:*:*:key/*');
    expect(decrypt.Condition).toEqual({
      StringLike: { 'kms:ViaService': 'secretsmanager.*.amazonaws.com' },
      'ForAnyValue:StringEquals': { 'kms:ResourceAliases': 'alias/acme-staging' },
    });
  });
  it('grants nothing that lists, writes or deletes secrets', () => {
    const actions = secretsReadPolicy(ARNS, { keyArn: KEY }).Statement.flatMap((s) => s.Action);
    expect(actions.filter((a) => /List|Put|Update|Delete|Create|\*/.test(a))).toEqual([]);
  });
  it('refuses an empty list rather than writing a policy that matches nothing', () => {
    expect(() => secretsReadPolicy([], { keyArn: KEY })).toThrow(/at least one secret/);
  });
});

describe('destination policies', () => {
  const bucket = 'arn:aws:s3:::acme-health-terra-payloads-prod';
  it('denies every S3 request without TLS, on the bucket and its objects', () => {
    expect(tlsOnlyBucketPolicy(bucket).Statement).toEqual([
      {
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [bucket, `${bucket}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ]);
  });
  it("gives Terra's S3 writer s3:PutObject on the bucket's objects and nothing else", () => {
    expect(s3WriterPolicy(bucket).Statement).toEqual([{ Sid: 'TerraPutObjects', Effect: 'Allow', Action: ['s3:PutObject'], Resource: [`${bucket}/*`] }]);
  });
  it("gives Terra's SQS sender sqs:SendMessage and sqs:GetQueueUrl on the queue only", () => {
    const queue = 'arn:aws:sqs:eu-west-1:123456789012:acme-health-terra-staging';
    expect(sqsSenderPolicy(queue).Statement).toEqual([
      { Sid: 'TerraSendMessages', Effect: 'Allow', Action: ['sqs:SendMessage', 'sqs:GetQueueUrl'], Resource: [queue] },
    ]);
  });
});
