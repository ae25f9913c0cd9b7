import * as aws from './aws-services';
import * as pulumi from '@pulumi/pulumi';
import type { S3Destination } from '../model/destinations';
import { destinationWriter, type WriterCredentialsSettings } from './destination-writer';
import { s3WriterPolicy, tlsOnlyBucketPolicy } from './policies';

export interface TerraS3DestinationArgs {
  /** The destination as declared in config/<env>.yaml. Plain data: it decides which resources exist. */
  destination: S3Destination;
  /** IAM user name of Terra's writer. */
  writerUserName: string;
  /** Region of the bucket: the destination's, else the environment's; undefined means the stack's. */
  region?: string;
  /** Tags of the bucket and the writer. */
  tags: Record<string, string>;
  /** Where and how the writer's access key is stored. */
  credentials: WriterCredentialsSettings;
}

/**
 * An S3 bucket Terra delivers payloads to (https://docs.tryterra.co/health-and-fitness-api/integration-setup/setting-up-data-destinations/cloud-storage-s3-gcp): SSE-KMS by default, every public access blocked,
 * TLS-only bucket policy, and an IAM user limited to s3:PutObject whose access key is kept in Secrets Manager.
 */
export class TerraS3Destination extends pulumi.ComponentResource {
  /** Name of the bucket, as Terra's dashboard asks for it. */
  readonly bucketName: pulumi.Output<string>;
  /** ARN of the bucket. */
  readonly bucketArn: pulumi.Output<string>;
  /** Secrets Manager name of the writer's access key. */
  readonly credentialsSecretName: pulumi.Output<string>;
  /** ARN of that secret. */
  readonly credentialsSecretArn: pulumi.Output<string>;

  constructor(name: string, args: TerraS3DestinationArgs, opts?: pulumi.ComponentResourceOptions) {
    super('terra-iac:destination:TerraS3Destination', name, {}, opts);
    const { destination, region, tags } = args;
    const bucket = new aws.s3.Bucket(`${name}-bucket`, { bucket: destination.bucketName, tags, region }, { parent: this });
    // The AWS-managed key (aws/s3) rather than the environment's key: its key policy lets same-account callers
    // use it through S3, so Terra's user needs nothing beyond s3:PutObject. Bucket keys cut KMS requests.
    new aws.s3.BucketServerSideEncryptionConfiguration(
      `${name}-encryption`,
      { bucket: bucket.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms' }, bucketKeyEnabled: true }], region },
      { parent: this },
    );
    const publicAccessBlock = new aws.s3.BucketPublicAccessBlock(
      `${name}-public-access-block`,
      { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true, region },
      { parent: this },
    );
    // After the block: S3 rejects concurrent changes to a bucket's access settings ("OperationAborted").
    new aws.s3.BucketPolicy(
      `${name}-tls-only-policy`,
      { bucket: bucket.id, policy: bucket.arn.apply((arn) => JSON.stringify(tlsOnlyBucketPolicy(arn))), region },
      { parent: this, dependsOn: [publicAccessBlock] },
    );
    const writer = destinationWriter(
      `${name}-writer`,
      {
        userName: args.writerUserName,
        policy: bucket.arn.apply((arn) => JSON.stringify(s3WriterPolicy(arn))),
        details: { bucketName: bucket.bucket, ...(region ? { region } : {}) },
        credentials: args.credentials,
      },
      this,
    );
    this.bucketName = bucket.bucket;
    this.bucketArn = bucket.arn;
    this.credentialsSecretName = writer.credentialsSecret.name;
    this.credentialsSecretArn = writer.credentialsSecret.arn;
    this.registerOutputs({
      bucketName: this.bucketName,
      bucketArn: this.bucketArn,
      credentialsSecretName: this.credentialsSecretName,
      credentialsSecretArn: this.credentialsSecretArn,
    });
  }
}
