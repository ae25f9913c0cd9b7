import { TerraIacError } from '../core/errors';
import { nodeCrypto } from '../core/node-crypto';

/**
 * Pulumi's passphrase secrets provider, byte for byte: PBKDF2-HMAC-SHA256 (1,000,000 rounds, 32-byte key)
 * over the passphrase and the stack's salt, then AES-256-GCM with a 12-byte nonce and no AAD, written as
 * `v1:<base64 nonce>:<base64 ciphertext+tag>` (pulumi/pulumi pkg/secrets/passphrase/manager.go, config/crypt.go).
 */
export const PBKDF2_ITERATIONS = 1_000_000;

/** A value or salt that does not open (`auth`: the passphrase is wrong) or is malformed (`config`). */
export class PassphraseError extends TerraIacError {
  override name = 'PassphraseError';
  constructor(message: string, exitKind: 'config' | 'auth' = 'config') {
    super(message, exitKind);
  }
}

/** The key a passphrase gives under a salt. Slow on purpose (that is the point of PBKDF2): derive once per stack. */
export function deriveKey(passphrase: string, salt: Buffer): Buffer {
  return nodeCrypto().pbkdf2Sync(Buffer.from(passphrase, 'utf8'), salt, PBKDF2_ITERATIONS, 32, 'sha256');
}

export function encryptValue(key: Buffer, plaintext: string, nonce: Buffer = nodeCrypto().randomBytes(12)): string {
  const cipher = nodeCrypto().createCipheriv('aes-256-gcm', key, nonce);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `v1:${nonce.toString('base64')}:${body.toString('base64')}`;
}

/** Decrypts one `v1:` ciphertext; throws PassphraseError (never echoing the value) when it does not open. */
export function decryptValue(key: Buffer, ciphertext: string): string {
  const parts = ciphertext.split(':');
  if (parts.length !== 3) throw new PassphraseError('bad value: expected v1:<nonce>:<ciphertext>');
  if (parts[0] !== 'v1') throw new PassphraseError('unknown value version');
  const nonce = Buffer.from(parts[1]!, 'base64');
  const body = Buffer.from(parts[2]!, 'base64');
  if (nonce.length !== 12) throw new PassphraseError('bad nonce length');
  if (body.length < 16) throw new PassphraseError('ciphertext shorter than the GCM tag');
  try {
    const decipher = nodeCrypto().createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAuthTag(body.subarray(body.length - 16));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString('utf8');
  } catch {
    throw new PassphraseError('value does not decrypt under this key', 'auth');
  }
}

/** A stack's `encryptionsalt`: the salt plus "pulumi" encrypted under the derived key. */
export function parseEncryptionSalt(state: string): { salt: Buffer; check: string } {
  const parts = state.split(':');
  if (parts.length !== 5 || parts[0] !== 'v1') throw new PassphraseError('encryptionsalt is not v1:<salt>:v1:<nonce>:<ciphertext>');
  return { salt: Buffer.from(parts[1]!, 'base64'), check: parts.slice(2).join(':') };
}

/** The stack's key, after proving the passphrase against the salt state. */
export function unlockStack(passphrase: string, encryptionSalt: string): Buffer {
  const { salt, check } = parseEncryptionSalt(encryptionSalt);
  const key = deriveKey(passphrase, salt);
  let opened: string;
  try {
    opened = decryptValue(key, check);
  } catch {
    throw new PassphraseError('incorrect passphrase', 'auth');
  }
  if (opened !== 'pulumi') throw new PassphraseError('incorrect passphrase', 'auth');
  return key;
}

/** A fresh `encryptionsalt` for a new passphrase stack, and the key it gives. */
export function newEncryptionSalt(passphrase: string, salt: Buffer = nodeCrypto().randomBytes(8)): { state: string; key: Buffer } {
  const key = deriveKey(passphrase, salt);
  return { state: `v1:${salt.toString('base64')}:${encryptValue(key, 'pulumi')}`, key };
}
