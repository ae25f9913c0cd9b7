import type * as Crypto from 'node:crypto';

/** `require` inside the function: the serialized provider then requires the builtin instead of capturing it. */
function crypto(): typeof Crypto {
  return require('node:crypto') as typeof Crypto;
}

/** 16 random bytes, hex: a fresh salt per resource, so equal secrets of two resources hash differently. */
export function newSalt(): string {
  return crypto().randomBytes(16).toString('hex');
}

/**
 * HMAC-SHA256 of a write-only secret under the resource's salt: what the state keeps (as a secret output) to
 * tell a changed declared value without keeping the value. Null for no value.
 */
export function secretHash(salt: string, value: string | undefined): string | null {
  return value === undefined ? null : crypto().createHmac('sha256', salt).update(value, 'utf8').digest('hex');
}
