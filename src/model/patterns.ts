import { z } from 'zod';

/** An http(s) URL. HTTPS-only and host checks are rules, so they can say why and where. */
export const HttpUrl = z.string().regex(/^https?:\/\/[^\s/?#]+[^\s]*$/, 'expected an http(s) URL');

export const Email = z.string().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'expected an e-mail address');

export const AwsRegion = z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, 'expected an AWS region such as eu-west-1');

export const IamRoleArn = z
  .string()
  .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/[A-Za-z0-9+=,.@_/-]+$/, 'expected an IAM role ARN');

/** An existing KMS key: key ARN, alias ARN or `alias/<name>`. */
export const KmsKeyRef = z
  .string()
  .regex(/^(arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(key|alias)\/[A-Za-z0-9/_-]+|alias\/[A-Za-z0-9/_-]+)$/, 'expected a KMS key ARN or alias');
