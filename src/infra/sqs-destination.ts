import * as aws from './aws-services';
import * as pulumi from '@pulumi/pulumi';
import type { SqsDestination } from '../model/destinations';
import { destinationWriter, type WriterCredentialsSettings } from './destination-writer';
import { sqsSenderPolicy } from './policies';

export interface TerraSqsDestinationArgs {
  /** The destination as declared in config/<env>.yaml. Plain data: it decides which resources exist. */
  destination: SqsDestination;
  /** IAM user name of Terra's sender. */
  senderUserName: string;
  /** Region of the queue: the destination's, else the environment's; undefined means the stack's. */
  region?: string;
  /** Tags of the queue and the sender. */
  tags: Record<string, string>;
  /** Where and how the sender's access key is stored. */
  credentials: WriterCredentialsSettings;
}

/**
 * An SQS queue Terra sends notifications to (https://docs.tryterra.co/health-and-fitness-api/integration-setup/setting-up-data-destinations/queuing-services-sqs-kafka), encrypted at rest, and an IAM user limited to
 * sqs:SendMessage and sqs:GetQueueUrl on it whose access key is kept in Secrets Manager.
 */
export class TerraSqsDestination extends pulumi.ComponentResource {
  /** URL of the queue, as Terra's dashboard asks for it. */
  readonly queueUrl: pulumi.Output<string>;
  /** ARN of the queue. */
  readonly queueArn: pulumi.Output<string>;
  /** Secrets Manager name of the sender's access key. */
  readonly credentialsSecretName: pulumi.Output<string>;
  /** ARN of that secret. */
  readonly credentialsSecretArn: pulumi.Output<string>;

  constructor(name: string, args: TerraSqsDestinationArgs, opts?: pulumi.ComponentResourceOptions) {
    super('terra-iac:destination:TerraSqsDestination', name, {}, opts);
    const { destination, region, tags } = args;
    // SQS-managed encryption (SSE-SQS): encrypted at rest with no KMS permission for the sender to hold.
    const queue = new aws.sqs.Queue(
      `${name}-queue`,
      { name: destination.queueName, sqsManagedSseEnabled: true, tags, region },
      { parent: this },
    );
    const sender = destinationWriter(
      `${name}-sender`,
      {
        userName: args.senderUserName,
        policy: queue.arn.apply((arn) => JSON.stringify(sqsSenderPolicy(arn))),
        details: { queueUrl: queue.url, ...(region ? { region } : {}) },
        credentials: args.credentials,
      },
      this,
    );
    this.queueUrl = queue.url;
    this.queueArn = queue.arn;
    this.credentialsSecretName = sender.credentialsSecret.name;
    this.credentialsSecretArn = sender.credentialsSecret.arn;
    this.registerOutputs({
      queueUrl: this.queueUrl,
      queueArn: this.queueArn,
      credentialsSecretName: this.credentialsSecretName,
      credentialsSecretArn: this.credentialsSecretArn,
    });
  }
}
