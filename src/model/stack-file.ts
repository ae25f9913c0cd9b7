import { z } from 'zod';
import { EDITOR } from './editor-annotations';

/** A secret in stack config: a map with exactly the key `secure` (object.go isSecureValue). */
export const SecureValue = z
  .strictObject({ secure: z.string().min(1).describe('Ciphertext written by `pulumi config set --secret`.') })
  .meta({ id: 'SecureValue', title: 'Encrypted stack config value' })
  .register(EDITOR, {
    errorMessage:
      'A secret must be an encrypted `{ secure: <ciphertext> }` value: store it with `pulumi config set --secret <key>`, and rotate a value that was ever in plain text (stack-secret-plain).',
  });

const PlainScalar = z.union([z.string(), z.number(), z.boolean()]);

/** Any stack config value Pulumi accepts: scalar, secure, or nested structured config. */
export const ConfigValue: z.ZodType = z.lazy(() =>
  z.union([PlainScalar, SecureValue, z.array(ConfigValue), z.record(z.string(), ConfigValue)]),
);

/** This project's own non-secret stack config keys (declared with types in Pulumi.yaml too). */
export const ProjectStackKeys = {
  'terra-iac:environment': z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/)
    .optional()
    .describe('config/<environment>.yaml this stack deploys; defaults to the stack name.'),
  'terra-iac:smokeTest': z
    .union([z.boolean(), z.enum(['true', 'false'])])
    .optional()
    .describe('Run the Terra smoke test inside `pulumi up` (default true). It shows as a change on every preview.'),
  'terra-iac:smokeTimeoutMs': z
    .union([z.int().min(100).max(120000), z.string().regex(/^\d+$/)])
    .optional()
    .describe('Timeout of each smoke check in milliseconds (default 10000).'),
  'terra-iac:applyToTerra': z
    .union([z.boolean(), z.enum(['true', 'false'])])
    .optional()
    .describe('Apply the environment to Terra (sources, dedicated keys, scopes, webhook destination) through its admin API inside `pulumi up` (default false). Needs TERRA_ADMIN_TOKEN.'),
  'aws:region': z.string().optional().describe('AWS region the stack deploys to.'),
};

/**
 * This project's secret keys as editors know them without reading config/: `terra-iac:` keys named like the
 * keys `validate` suggests for secrets (`terraApiKey`, `terraWebhookSigningSecret`, `stravaClientSecret`, ...;
 * see plaintextSecretHint). The stack-secret-plain rule knows the exact set from config/ and Pulumi.yaml.
 */
const SECRET_STACK_KEY_PATTERN = '^terra-iac:[A-Za-z][A-Za-z0-9_.-]*(Key|Secret|Token|Password|Passphrase)$';

const SECRET_STACK_VALUE = {
  $ref: '#/$defs/SecureValue',
  description: 'A secret of this project: an encrypted `{ secure: <ciphertext> }` value, never plain text (stack-secret-plain).',
};

/** Pulumi.<stack>.yaml: the keys Pulumi's ProjectStack struct has (project.go). */
export const StackFile = z
  .strictObject({
    secretsprovider: z.string().optional().describe('Secrets provider: default, passphrase, awskms://..., etc.'),
    encryptedkey: z.string().optional().describe('KMS-encrypted data key (cloud secrets providers only).'),
    encryptionsalt: z
      .string()
      .regex(/^v1:[A-Za-z0-9+/]+=*:v1:[A-Za-z0-9+/]+=*:[A-Za-z0-9+/]+=*$/)
      .optional()
      .describe('Passphrase provider state: v1:<salt>:<ciphertext of "pulumi">.'),
    config: z
      .object(ProjectStackKeys)
      .catchall(ConfigValue)
      .register(EDITOR, { patternProperties: { [SECRET_STACK_KEY_PATTERN]: SECRET_STACK_VALUE } })
      .optional()
      .describe('Stack config, keyed `<namespace>:<name>`. Secrets are `{ secure: ... }` values.'),
    environment: z
      .union([z.string(), z.array(z.string()), z.record(z.string(), z.unknown())])
      .optional()
      .describe('Pulumi ESC environments to import.'),
  })
  .meta({ id: 'PulumiStackFile', title: 'Pulumi stack settings (terra-iac)' });

export type StackFile = z.infer<typeof StackFile>;
