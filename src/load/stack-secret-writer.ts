import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isMap, parseDocument } from 'yaml';
import { TerraIacError } from '../core/errors';
import { encryptValue, PassphraseError, unlockStack } from './pulumi-passphrase';
import { readSource } from './read-source';
import { usesPassphraseProvider } from './stack-passphrase';

export interface StackSecretTarget {
  /** Absolute path of Pulumi.<stack>.yaml. */
  stackFile: string;
  /** What messages call it: `Pulumi.production.yaml`. */
  shownAs: string;
  /** The passphrase `pulumi` would use (PULUMI_CONFIG_PASSPHRASE or _FILE); undefined when none is set. */
  passphrase: string | undefined;
}

/** A stack file that can take a secret: its text and the key that encrypts for it. */
export interface OpenedStack {
  text: string;
  key: Buffer;
}

/**
 * Proves a value could be stored in the stack file exactly as `pulumi config set --secret` would, without
 * writing: the file reads, uses the passphrase provider and the passphrase opens it. Callers run this before
 * they create anything whose secret they must keep (a webhook destination shows its signing secret once).
 */
export function openStackForSecrets(target: StackSecretTarget): OpenedStack {
  const read = readSource(target.stackFile);
  if ('problem' in read) throw new TerraIacError(`cannot read ${target.shownAs}: ${read.problem.message}`, 'config', { hint: read.problem.hint });
  const doc = parseDocument(read.text);
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    throw new TerraIacError(`${target.shownAs} is not a valid stack file`, 'config', { hint: `run terra-iac validate ${target.shownAs}` });
  }
  const secretsprovider = doc.get('secretsprovider');
  const encryptionsalt = doc.get('encryptionsalt');
  const stack = {
    secretsprovider: typeof secretsprovider === 'string' ? secretsprovider : undefined,
    encryptionsalt: typeof encryptionsalt === 'string' ? encryptionsalt : undefined,
  };
  if (!usesPassphraseProvider(stack) || stack.encryptionsalt === undefined) {
    throw new TerraIacError(
      `${target.shownAs} uses the ${stack.secretsprovider ?? 'default (Pulumi Cloud)'} secrets provider; terra-iac can only encrypt for passphrase stacks`,
      'config',
      { hint: 'store the value with `pulumi config set --secret` yourself, or point the reference at an environment variable' },
    );
  }
  if (target.passphrase === undefined) {
    throw new TerraIacError(`PULUMI_CONFIG_PASSPHRASE is not set, so nothing can be encrypted into ${target.shownAs}`, 'config', {
      hint: 'set PULUMI_CONFIG_PASSPHRASE (or PULUMI_CONFIG_PASSPHRASE_FILE) to the passphrase this stack was created with',
    });
  }
  try {
    return { text: read.text, key: unlockStack(target.passphrase, stack.encryptionsalt) };
  } catch (error) {
    if (!(error instanceof PassphraseError)) throw error;
    throw new TerraIacError(`PULUMI_CONFIG_PASSPHRASE does not open ${target.shownAs} (${error.message})`, 'config', {
      hint: 'set the passphrase this stack was created with',
    });
  }
}

/**
 * Encrypts `value` under the stack's key and writes it as `config.<key>: { secure: ... }`, keeping every other
 * line and comment; the file is replaced atomically (a temporary sibling renamed over it), so a crash leaves
 * the old file or the new one. The value itself is never written or reported in clear.
 */
export function writeStackSecret(target: StackSecretTarget, configKey: string, value: string): void {
  const { text, key } = openStackForSecrets(target);
  const doc = parseDocument(text);
  doc.setIn(['config', configKey], doc.createNode({ secure: encryptValue(key, value) }));
  replaceFile(target, doc.toString({ lineWidth: 0 }));
}

/**
 * Writes a plain (not secret) value as `config.<key>`, keeping every other line, atomically like
 * writeStackSecret. For bookkeeping that must sit beside the secrets it describes (never for a secret).
 */
export function writeStackValue(target: StackSecretTarget, configKey: string, value: unknown): void {
  const read = readSource(target.stackFile);
  if ('problem' in read) throw new TerraIacError(`cannot read ${target.shownAs}: ${read.problem.message}`, 'config', { hint: read.problem.hint });
  const doc = parseDocument(read.text);
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    throw new TerraIacError(`${target.shownAs} is not a valid stack file`, 'config', { hint: `run terra-iac validate ${target.shownAs}` });
  }
  doc.setIn(['config', configKey], doc.createNode(value));
  replaceFile(target, doc.toString({ lineWidth: 0 }));
}

/** A temporary sibling renamed over the file: a crash leaves the old file or the new one. */
function replaceFile(target: StackSecretTarget, text: string): void {
  const temp = join(dirname(target.stackFile), `.${basename(target.stackFile)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, text, { flag: 'wx', mode: statSync(target.stackFile).mode & 0o777 });
    renameSync(temp, target.stackFile);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new TerraIacError(`cannot write ${target.shownAs}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, 'io', {
      hint: 'check that the file and its folder are writable',
    });
  }
}
