import { createHash } from 'node:crypto';

/**
 * Names of the AWS objects a stack creates. Pure functions, so the naming scheme is tested without Pulumi
 * and stays stable: renaming a Secrets Manager secret or an IAM object replaces it.
 */

/** Secrets Manager names are shared with the audit report, so they live with the secret references. */
export { secretName } from '../model/secret-names';

/** IAM user, role and policy names allow `[\w+=,.@-]`; users are limited to 64 characters, policies to 128. */
const IAM_UNSAFE = /[^A-Za-z0-9_+=,.@-]+/g;

/**
 * An IAM name from parts joined with `-`. When the result is too long it is cut and ends in a short hash of
 * the full name, so two long names that share a beginning still differ.
 */
export function iamName(parts: readonly string[], maxLength = 64): string {
  const full = parts
    .map((part) => part.replace(IAM_UNSAFE, '-'))
    .join('-')
    .replace(/-{2,}/g, '-');
  if (full.length <= maxLength) return full;
  const hash = createHash('sha256').update(full).digest('hex').slice(0, 8);
  return `${full.slice(0, maxLength - hash.length - 1).replace(/-+$/, '')}-${hash}`;
}

/** KMS alias names allow `[A-Za-z0-9/_-]` after `alias/`, and may not start with `alias/aws` (AWS reserved). */
export function kmsAliasName(prefix: string, environment: string): string {
  const safe = `${prefix}/${environment}`.replace(/[^A-Za-z0-9/_-]+/g, '-').replace(/\/{2,}/g, '/');
  return `alias/${safe.startsWith('aws') ? `terra-${safe}` : safe}`;
}

/** The role name in `arn:aws:iam::<account>:role/<path/>name`: what a policy attachment takes. */
export function roleNameFromArn(roleArn: string): string {
  const resource = roleArn.split(':').slice(5).join(':');
  if (!resource.startsWith('role/')) throw new Error(`not an IAM role ARN: ${roleArn}`);
  const name = resource.split('/').pop();
  if (!name) throw new Error(`IAM role ARN without a role name: ${roleArn}`);
  return name;
}

/** `alias/<name>` for a declared KMS alias (`alias/x` or its ARN); undefined for a key ARN. */
export function kmsAliasOf(kmsKeyRef: string): string | undefined {
  if (kmsKeyRef.startsWith('alias/')) return kmsKeyRef;
  const match = /^arn:aws[a-z-]*:kms:[^:]*:\d{12}:(alias\/.+)$/.exec(kmsKeyRef);
  return match?.[1];
}
