import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES } from '../catalog/webhook-event-types';
import { EDITOR, HTTPS_URL_WITHOUT_USERINFO_PATTERN } from './editor-annotations';
import { AwsRegion, HttpUrl } from './patterns';
import { SecretRef } from './secret-ref';

const EventTypes = z
  .array(z.enum(WEBHOOK_EVENT_TYPES))
  .min(1)
  .optional()
  .describe('Event types this destination receives; omitted means every type (Terra\'s default).');

export const Webhook = z
  .strictObject({
    url: HttpUrl.describe('HTTPS URL Terra posts events to. Changing it in Terra creates a new signing secret.').register(EDITOR, {
      pattern: HTTPS_URL_WITHOUT_USERINFO_PATTERN,
      patternErrorMessage:
        'The webhook URL must be an https:// URL without a user name or password: Terra delivers webhooks to HTTPS URLs only (webhook-https), and credentials in a URL leak (webhook-url-credentials).',
    }),
    signingSecret: SecretRef.describe(
      'Reference to where the signing secret Terra made for this destination is kept; `apply` stores a new one there.',
    ),
    eventTypes: EventTypes,
    active: z.boolean().optional().describe('Set false to stop deliveries but keep the destination and its signing secret (default true).'),
    signingSecretVersion: z
      .int()
      .min(0)
      .optional()
      .describe('Bump to rotate the signing secret: `apply` replaces the destination, and Terra makes a new secret for the new one.'),
  })
  .meta({ id: 'Webhook', title: 'Webhook destination' });

const BucketName = z.string().regex(/^(?!xn--)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'expected an S3 bucket name');
const QueueName = z.string().regex(/^[A-Za-z0-9_-]{1,80}$/, 'expected an SQS queue name');

/** An S3 bucket terra-iac creates for Terra, with an IAM user limited to s3:PutObject on it. */
export const S3Destination = z
  .strictObject({
    type: z.literal('s3'),
    bucketName: BucketName.describe('Name of the bucket to create (globally unique).'),
    region: AwsRegion.optional().describe('Region of the bucket; defaults to the stack\'s AWS region.'),
    eventTypes: EventTypes,
  })
  .meta({ id: 'S3Destination', title: 'AWS S3 destination' });

/** An SQS queue terra-iac creates for Terra, with an IAM user limited to sqs:SendMessage and sqs:GetQueueUrl. */
export const SqsDestination = z
  .strictObject({
    type: z.literal('sqs'),
    queueName: QueueName.describe('Name of the queue to create.'),
    region: AwsRegion.optional().describe('Region of the queue; defaults to the stack\'s AWS region.'),
    eventTypes: EventTypes,
  })
  .meta({ id: 'SqsDestination', title: 'AWS SQS destination' });

export const ExtraDestination = z.discriminatedUnion('type', [S3Destination, SqsDestination]);

export type Webhook = z.infer<typeof Webhook>;
export type S3Destination = z.infer<typeof S3Destination>;
export type SqsDestination = z.infer<typeof SqsDestination>;
export type ExtraDestination = z.infer<typeof ExtraDestination>;
