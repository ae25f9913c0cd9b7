import { readFileSync } from 'node:fs';
import { TerraIacError } from '../core/errors';

/**
 * The passphrase Pulumi would use: `PULUMI_CONFIG_PASSPHRASE`, else the contents of
 * `PULUMI_CONFIG_PASSPHRASE_FILE` (pulumi/pulumi pkg/secrets/passphrase/manager.go). An empty passphrase is
 * valid when the variable is set (TestPassphraseManagerEmptyPassphraseIsValid); undefined means neither is set.
 */
export function passphraseFromEnv(env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (env.PULUMI_CONFIG_PASSPHRASE !== undefined) return env.PULUMI_CONFIG_PASSPHRASE;
  const file = env.PULUMI_CONFIG_PASSPHRASE_FILE;
  if (!file) return undefined;
  try {
    // Pulumi trims the file's contents (strings.TrimSpace in readPassphrase).
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new PassphraseFileError(`cannot read PULUMI_CONFIG_PASSPHRASE_FILE ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
}

/** PULUMI_CONFIG_PASSPHRASE_FILE names a file that cannot be read. */
export class PassphraseFileError extends TerraIacError {
  override name = 'PassphraseFileError';
  constructor(message: string) {
    super(message, 'io', { hint: 'point PULUMI_CONFIG_PASSPHRASE_FILE at a readable file, or set PULUMI_CONFIG_PASSPHRASE instead' });
  }
}

/** A stack uses the passphrase provider: declared so, or (Pulumi's default for such files) it has a salt. */
export function usesPassphraseProvider(stack: { secretsprovider?: string; encryptionsalt?: string }): boolean {
  return stack.secretsprovider === 'passphrase' || (stack.secretsprovider === undefined && stack.encryptionsalt !== undefined);
}
