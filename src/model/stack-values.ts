// What the rules, reports and the program read from a parsed stack file, without its zod schema
// (src/model/stack-file.ts), so that `validate` never loads zod.
import type { StackFile } from './stack-file';

/** A Pulumi passphrase ciphertext: v1:<base64 nonce>:<base64 ciphertext+tag> (crypt.go). */
export const PASSPHRASE_CIPHERTEXT = /^v1:[A-Za-z0-9+/]+=*:[A-Za-z0-9+/]+=*$/;

/** `{ secure: <ciphertext> }`, the only shape Pulumi treats as a secret (sdk/go/common/resource/config/object.go isSecureValue). */
export function isSecureValue(value: unknown): value is { secure: string } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === 'secure' && typeof (value as { secure: unknown }).secure === 'string';
}

/** config/<name>.yaml a stack deploys: its `terra-iac:environment` when that is a string, else the stack's name. */
export function deployedEnvironment(stackName: string, configured: unknown): string {
  return typeof configured === 'string' ? configured : stackName;
}

/**
 * The Pulumi ESC environments a stack imports: `environment: name`, `environment: [a, b]` or the older
 * `environment: { imports: [a, b] }` (https://www.pulumi.com/docs/esc/integrations/infrastructure/pulumi-iac/).
 * Their `pulumiConfig` values reach the program as stack config, so a key they supply is not in the file.
 */
export function escEnvironmentsOf(stack: Pick<StackFile, 'environment'> | undefined): string[] {
  const declared = stack?.environment;
  if (typeof declared === 'string') return [declared];
  if (Array.isArray(declared)) return declared;
  const imports = declared?.imports;
  return Array.isArray(imports) ? imports.filter((name): name is string => typeof name === 'string') : [];
}
