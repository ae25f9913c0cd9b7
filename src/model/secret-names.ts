import type { ExtraDestination } from './destinations';
import type { Environment } from './environment';
import type { SecretRef } from './secret-ref';
import type { DocPath } from '../core/diagnostic';
import { collectSecretRefs } from './secret-refs';

/** One secret an environment keeps in AWS Secrets Manager: its name there, never its value. */
export interface NamedSecret {
  /** Secrets Manager name: `<secretNamePrefix>/<environment>/<purpose>`. */
  name: string;
  /** What the secret is: `terra-api-key`, `strava-client-secret`, ... */
  purpose: string;
  /** Where the value comes from when Pulumi runs (a stack config key or an environment variable). */
  ref: SecretRef;
  /** Path of the reference in config/<environment>.yaml. */
  path: DocPath;
  /** Provider code when the secret belongs to a provider's dedicated keys. */
  provider?: string;
}

/**
 * The Secrets Manager name of one secret. The one definition both the Pulumi program (which creates the
 * secrets) and the audit report (which lists them) use, so the two can never disagree.
 */
export function secretName(secretNamePrefix: string, environment: string, purpose: string): string {
  return `${secretNamePrefix.replace(/\/+$/, '')}/${environment}/${purpose}`;
}

/** Every secret of a schema-valid environment, in document order, with its Secrets Manager name. */
export function environmentSecrets(environment: string, model: Environment): NamedSecret[] {
  return collectSecretRefs(model).map((found) => {
    const secret: NamedSecret = {
      name: secretName(model.aws.secretNamePrefix, environment, found.purpose),
      purpose: found.purpose,
      ref: found.ref,
      path: found.path,
    };
    if (found.provider) secret.provider = found.provider;
    return secret;
  });
}

/** An access-key secret terra-iac itself creates for one S3 or SQS destination (no reference in config/). */
export interface DestinationSecret {
  name: string;
  /** `<type>-<bucket or queue name>-credentials`. */
  purpose: string;
  destination: { type: ExtraDestination['type']; name: string };
}

/** What the credentials secret of a destination is called after: `s3-<bucket>-credentials`, `sqs-<queue>-credentials`. */
export function destinationCredentialsPurpose(destination: ExtraDestination): string {
  return `${destination.type}-${destination.type === 's3' ? destination.bucketName : destination.queueName}-credentials`;
}

/** The credentials secret of every destination of a schema-valid environment, in document order. */
export function destinationSecrets(environment: string, model: Environment): DestinationSecret[] {
  return (model.destinations ?? []).map((destination) => {
    const purpose = destinationCredentialsPurpose(destination);
    const name = destination.type === 's3' ? destination.bucketName : destination.queueName;
    return { name: secretName(model.aws.secretNamePrefix, environment, purpose), purpose, destination: { type: destination.type, name } };
  });
}
