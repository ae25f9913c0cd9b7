import { TerraIacError } from '../core/errors';
import { readRegularFile, type SafeReadFailure } from './safe-read';

/** A passphrase file holds one line; anything bigger is the wrong file (or /dev/zero behind a link). */
export const MAX_PASSPHRASE_FILE_BYTES = 64 * 1024;

const HINT = 'point PULUMI_CONFIG_PASSPHRASE_FILE at a regular file that holds the passphrase, or set PULUMI_CONFIG_PASSPHRASE';

/**
 * The passphrase Pulumi would use: `PULUMI_CONFIG_PASSPHRASE`, else the contents of
 * `PULUMI_CONFIG_PASSPHRASE_FILE` (pulumi/pulumi pkg/secrets/passphrase/manager.go). An empty passphrase is
 * valid when the variable is set (TestPassphraseManagerEmptyPassphraseIsValid); undefined means neither is set.
 * The file is read as config files are: a regular file only, size-capped, never waiting on a pipe.
 */
export function passphraseFromEnv(env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (env.PULUMI_CONFIG_PASSPHRASE !== undefined) return env.PULUMI_CONFIG_PASSPHRASE;
  const file = env.PULUMI_CONFIG_PASSPHRASE_FILE;
  if (!file) return undefined;
  const read = readRegularFile(file, { maxBytes: MAX_PASSPHRASE_FILE_BYTES });
  if ('failure' in read) throw new PassphraseFileError(file, read.failure);
  // Pulumi trims the file's contents (strings.TrimSpace in readPassphrase).
  return read.bytes.toString('utf8').trim();
}

/** PULUMI_CONFIG_PASSPHRASE_FILE names something that cannot be read as a passphrase file (exit code 2). */
export class PassphraseFileError extends TerraIacError {
  override name = 'PassphraseFileError';
  /** A pipe, a device or a huge file: reading it would hang or exhaust memory, so no command goes on with it. */
  readonly unsafe: boolean;

  constructor(file: string, failure: SafeReadFailure) {
    super(describe(file, failure), 'io', { hint: HINT });
    this.unsafe = failure.kind === 'special' || failure.kind === 'too-large';
  }
}

function describe(file: string, failure: SafeReadFailure): string {
  switch (failure.kind) {
    case 'special':
      return `PULUMI_CONFIG_PASSPHRASE_FILE names ${failure.what}, not a regular file: ${file}`;
    case 'too-large':
      return `PULUMI_CONFIG_PASSPHRASE_FILE names a file of more than ${MAX_PASSPHRASE_FILE_BYTES / 1024} KiB: ${file}`;
    case 'directory':
      return `PULUMI_CONFIG_PASSPHRASE_FILE names a directory, not a file: ${file}`;
    case 'missing':
      return `cannot read PULUMI_CONFIG_PASSPHRASE_FILE ${file}: ENOENT`;
    case 'unreadable':
      return `cannot read PULUMI_CONFIG_PASSPHRASE_FILE ${file}: ${failure.code}`;
    case 'outside-root':
      return `cannot read PULUMI_CONFIG_PASSPHRASE_FILE ${file}`;
  }
}

/** A stack uses the passphrase provider: declared so, or (Pulumi's default for such files) it has a salt. */
export function usesPassphraseProvider(stack: { secretsprovider?: string; encryptionsalt?: string }): boolean {
  return stack.secretsprovider === 'passphrase' || (stack.secretsprovider === undefined && stack.encryptionsalt !== undefined);
}

/**
 * The secrets provider a stack's secure values are encrypted with, as a short name safe to print: `passphrase`,
 * the URL scheme of a cloud provider (`awskms`, `gcpkms`, `azurekeyvault`, `hashivault`; the rest of the URL,
 * which names the key, is left out), or `Pulumi Cloud (service)` for `default` and for a stack with neither
 * provider nor salt (Pulumi's service-managed secrets, pkg/secrets/service).
 */
export function secretsProviderOf(stack: { secretsprovider?: string; encryptionsalt?: string }): string {
  if (usesPassphraseProvider(stack)) return 'passphrase';
  const provider = stack.secretsprovider;
  if (provider === undefined || provider === 'default' || provider === 'service') return 'Pulumi Cloud (service)';
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(provider);
  return scheme ? scheme[1]!.toLowerCase() : 'an unrecognized';
}
