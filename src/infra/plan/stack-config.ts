import { isSecureValue } from '../../model/stack-values';
import { PassphraseError, decryptValue, unlockStack } from '../../load/pulumi-passphrase';
import type { ProjectFile } from '../../model/project-file';
import type { StackFile } from '../../model/stack-file';
import { PLACEHOLDER_SECRET } from '../secret-placeholder';
import { secretsProviderOf, usesPassphraseProvider } from '../../load/stack-passphrase';
import { StackConfigError } from './plan-errors';

/** The config a program run gets, as the Pulumi CLI hands it over (PULUMI_CONFIG): strings, secrets decrypted. */
export interface ProgramConfig {
  /** `<namespace>:<key>` -> string value; structured values JSON-encoded (@pulumi/pulumi config.ts getObject). */
  values: Record<string, string>;
  /** Keys whose values are secret (PULUMI_CONFIG_SECRET_KEYS). */
  secretKeys: string[];
  /** The decrypted secret values, so a caller can prove none of them reaches its output. */
  decryptedSecrets: string[];
  /** How secret values were obtained: decrypted, or placeholders because no passphrase was given or usable. */
  secrets: 'decrypted' | 'placeholders' | 'none';
  /** Set when placeholders stand in because the stack's secrets provider is not the passphrase (`awskms`, ...). */
  secretsProvider?: string;
}

export interface StackConfigInput {
  projectName: string;
  project?: ProjectFile;
  stackName: string;
  stack?: StackFile;
  /** Undefined: plan with placeholders instead of secret values. */
  passphrase?: string;
}

/**
 * What `pulumi up` would give the program: Pulumi.yaml defaults (bare keys in the project's namespace),
 * overridden by the stack's values (pkg/workspace/config.go ValidateStackConfigAndApplyProjectConfig), with
 * `secure:` values decrypted when a passphrase is given and stood in by a placeholder otherwise.
 */
export function programConfig(input: StackConfigInput): ProgramConfig {
  const values: Record<string, string> = {};
  const secretKeys = new Set<string>();
  for (const [name, declaration] of Object.entries(input.project?.config ?? {})) {
    const key = name.includes(':') ? name : `${input.projectName}:${name}`;
    const declared = isDeclaration(declaration) ? (declaration.value ?? declaration.default) : declaration;
    if (declared !== undefined) values[key] = encode(declared);
    if (isDeclaration(declaration) && declaration.secret) secretKeys.add(key);
  }
  const stackConfig = (input.stack?.config ?? {}) as Record<string, unknown>;
  const hasSecure = Object.values(stackConfig).some(containsSecure);
  const key = hasSecure ? stackKey(input) : undefined;
  const decryptedSecrets: string[] = [];
  for (const [name, value] of Object.entries(stackConfig)) {
    const decrypt = (ciphertext: string): string => {
      if (!key) return PLACEHOLDER_SECRET;
      try {
        const plain = decryptValue(key, ciphertext);
        decryptedSecrets.push(plain);
        return plain;
      } catch (error) {
        if (!(error instanceof PassphraseError)) throw error;
        throw new StackConfigError(
          `Pulumi.${input.stackName}.yaml: the secure value of ${name} does not decrypt with this stack's key (${error.message})`,
          `run \`terra-iac validate --env ${input.stackName}\` with the passphrase set to see where, then \`pulumi config set --secret ${name.replace(`${input.projectName}:`, '')} --stack ${input.stackName}\``,
        );
      }
    };
    if (containsSecure(value)) secretKeys.add(name);
    values[name] = encode(reveal(value, decrypt));
  }
  const secrets = !hasSecure ? 'none' : key ? 'decrypted' : 'placeholders';
  const config: ProgramConfig = { values, secretKeys: [...secretKeys].sort(), decryptedSecrets, secrets };
  // Only the passphrase provider can be opened here; a cloud provider's key stays in its cloud.
  if (hasSecure && input.stack && !usesPassphraseProvider(input.stack)) config.secretsProvider = secretsProviderOf(input.stack);
  return config;
}

function stackKey(input: StackConfigInput): Buffer | undefined {
  const stack = input.stack;
  if (input.passphrase === undefined || !stack?.encryptionsalt || !usesPassphraseProvider(stack)) return undefined;
  try {
    return unlockStack(input.passphrase, stack.encryptionsalt);
  } catch (error) {
    if (!(error instanceof PassphraseError)) throw error;
    throw new StackConfigError(
      `PULUMI_CONFIG_PASSPHRASE does not unlock Pulumi.${input.stackName}.yaml (${error.message})`,
      'set the passphrase this stack was created with, or unset PULUMI_CONFIG_PASSPHRASE to plan with placeholders',
      'auth',
    );
  }
}

type Declaration = { default?: unknown; value?: unknown; secret?: boolean };

function isDeclaration(value: unknown): value is Declaration {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function containsSecure(value: unknown): boolean {
  if (isSecureValue(value)) return true;
  if (Array.isArray(value)) return value.some(containsSecure);
  return isDeclaration(value) && Object.values(value).some(containsSecure);
}

/** Replaces every `secure:` value, at any depth, by what `decrypt` gives. */
function reveal(value: unknown, decrypt: (ciphertext: string) => string): unknown {
  if (isSecureValue(value)) return decrypt(value.secure);
  if (Array.isArray(value)) return value.map((v) => reveal(v, decrypt));
  if (isDeclaration(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reveal(v, decrypt)]));
  return value;
}

/** Pulumi hands every value over as a string; maps and lists as JSON. */
function encode(value: unknown): string {
  return typeof value === 'string' ? value : value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value);
}
