import * as aws from './aws-services';
import * as pulumi from '@pulumi/pulumi';

/** Where the writer's credentials are kept, and how they are encrypted and tagged. */
export interface WriterCredentialsSettings {
  /** Secrets Manager name of the credentials: `<prefix>/<environment>/<destination>-credentials`. */
  secretName: string;
  kmsKeyRef: pulumi.Input<string>;
  recoveryWindowInDays: number;
  tags: Record<string, string>;
  region?: string;
}

export interface DestinationWriterArgs {
  /** IAM user name (see `iamName`). */
  userName: string;
  /** Its only permissions, as policy JSON. */
  policy: pulumi.Input<string>;
  /** What Terra's dashboard asks for besides the key pair (bucket name, queue URL, region). */
  details: pulumi.Input<Record<string, pulumi.Input<string>>>;
  credentials: WriterCredentialsSettings;
}

/** The IAM user Terra writes as, and its credentials. */
export interface DestinationWriter {
  user: aws.iam.User;
  credentialsSecret: aws.secretsmanager.Secret;
  credentialsVersion: aws.secretsmanager.SecretVersion;
}

/**
 * An IAM user with exactly `policy`, an access key for it, and that key stored (with the destination's
 * details) as a Secrets Manager secret, ready to paste into Terra. The secret key is a Pulumi secret from the
 * provider already (additionalSecretOutputs); it is wrapped again so the stored JSON is secret as a whole.
 */
export function destinationWriter(name: string, args: DestinationWriterArgs, parent: pulumi.Resource): DestinationWriter {
  const { credentials } = args;
  const user = new aws.iam.User(name, { name: args.userName, path: '/terra-iac/', tags: credentials.tags }, { parent });
  new aws.iam.UserPolicy(`${name}-policy`, { user: user.name, name: 'terra-destination-write', policy: args.policy }, { parent });
  const accessKey = new aws.iam.AccessKey(`${name}-key`, { user: user.name }, { parent });
  const credentialsSecret = new aws.secretsmanager.Secret(
    `${name}-credentials`,
    {
      name: credentials.secretName,
      description: 'Access key Terra uses to deliver to this destination; enter it in the Terra dashboard.',
      kmsKeyId: credentials.kmsKeyRef,
      recoveryWindowInDays: credentials.recoveryWindowInDays,
      tags: credentials.tags,
      region: credentials.region,
    },
    { parent },
  );
  const document = pulumi
    .all([accessKey.id, accessKey.secret, pulumi.output(args.details)])
    .apply(([accessKeyId, secretAccessKey, details]) => JSON.stringify({ accessKeyId, secretAccessKey, ...details }));
  const credentialsVersion = new aws.secretsmanager.SecretVersion(
    `${name}-credentials-version`,
    { secretId: credentialsSecret.id, secretString: pulumi.secret(document), region: credentials.region },
    { parent },
  );
  return { user, credentialsSecret, credentialsVersion };
}
