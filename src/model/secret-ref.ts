import { z } from 'zod';

/**
 * The key of a secret in this project's Pulumi stack config. A bare name means this project's namespace
 * (`terra-iac:<name>`); an explicit `terra-iac:` prefix is accepted. Pulumi allows exactly one colon
 * (pulumi/pulumi key.go ParseKey), so other namespaces are left to the stack-file rules.
 */
export const StackConfigKeyName = z
  .string()
  .regex(/^(terra-iac:)?[A-Za-z][A-Za-z0-9_.-]*$/)
  .describe('Name of a secret value in this project\'s Pulumi stack config, e.g. `terraApiKey` (read as `terra-iac:terraApiKey`).');

/** An environment variable name, as POSIX shells accept it. */
export const EnvVarName = z
  .string()
  .regex(/^[A-Z_][A-Z0-9_]*$/)
  .describe('Name of an environment variable that holds the secret value, e.g. `TERRA_API_KEY_PRODUCTION`.');

export const StackConfigSecretRef = z.strictObject({ fromStackConfig: StackConfigKeyName });
export const EnvSecretRef = z.strictObject({ fromEnv: EnvVarName });

/**
 * Where a secret's value lives. terra-iac files never hold secret values: only this reference, resolved
 * by Pulumi (decrypted stack config) or by the environment at run time.
 */
export const SecretRef = z.union([StackConfigSecretRef, EnvSecretRef]).meta({
  id: 'SecretRef',
  title: 'Secret reference',
  description:
    'Where the secret value is kept: `{ fromStackConfig: <key> }` (a `secure:` value in Pulumi.<env>.yaml) or `{ fromEnv: <VAR> }`. Never the value itself.',
});
export type SecretRef = z.infer<typeof SecretRef>;
