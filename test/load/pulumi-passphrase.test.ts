import { describe, expect, it } from 'vitest';
import {
  decryptValue,
  deriveKey,
  encryptValue,
  newEncryptionSalt,
  parseEncryptionSalt,
  PassphraseError,
  PBKDF2_ITERATIONS,
  unlockStack,
} from '../../src/load/pulumi-passphrase';

/**
 * Pulumi's own test vectors (../shared/pulumi/FACTS.md A2, from pulumi/pulumi's Go tests). Each unlock
 * derives a key with 1,000,000 PBKDF2 rounds (~0.4 s), so keys are derived once and shared.
 */
const VECTORS = [
  { passphrase: 'password', state: 'v1:fozI5u6B030=:v1:F+6ZduKKd8G0/V7L:PGMFeIzwobWRKmEAzUdaQHqC5mMRIQ==', source: 'pkg/secrets/passphrase/manager_test.go' },
  { passphrase: 'TestConfigRoundtripComments', state: 'v1:ThS5UPxP9qc=:v1:UZYAXF+ylaJ0rGhv:9OTvBnOEDFgxs7btjzSu+LZ470vLpg==', source: 'tests/roundtrip/roundtrip_test.go' },
  { passphrase: 'abc123', state: 'v1:4iF78gb0nF0=:v1:Co6IbTWYs/UdrjgY:FSrAWOFZnj9ealCUDdJL7LrUKXX9BA==', source: 'pkg/backend/diy/backend_test.go' },
  { passphrase: '123abc', state: 'v1:C7H2a7/Ietk=:v1:yfAd1zOi6iY9DRIB:dumdsr+H89VpHIQWdB01XEFqYaYjAg==', source: 'pkg/backend/diy/backend_test.go' },
  { passphrase: 'correct horse battery staple', state: 'v1:3ZcVRCMzEbk=:v1:A4wYnaSVLIkK0AhS:2SrOnSDh9wVGmoyZt97KYJN3WfDDHA==', source: 'tests/smoke/smoke_test.go' },
] as const;

/** tests/roundtrip/roundtrip_test.go: `foo:d: {secure: ...}` under TestConfigRoundtripComments. */
const SECURE_VALUE = 'v1:T1ftqhY0hqr+EJK6:+jvd5PMecFx80tcavzuZY4tLatgIfoe/xR72GA==';

const keys = new Map<string, Buffer>();

describe('Pulumi passphrase crypto against Pulumi\'s test vectors', () => {
  it('uses Pulumi\'s KDF parameters', () => {
    expect(PBKDF2_ITERATIONS).toBe(1_000_000);
  });

  it.each(VECTORS.map((v) => [v.passphrase, v] as const))('unlocks the salt state for passphrase "%s" (its check decrypts to "pulumi")', (_p, vector) => {
    const key = unlockStack(vector.passphrase, vector.state);
    expect(key).toHaveLength(32);
    expect(decryptValue(key, parseEncryptionSalt(vector.state).check)).toBe('pulumi');
    keys.set(vector.passphrase, key);
  }, 20_000);

  it('refuses the wrong passphrase (password123 for the manager_test.go state)', () => {
    expect(() => unlockStack('password123', VECTORS[0].state)).toThrow(new PassphraseError('incorrect passphrase', 'auth'));
  }, 20_000);

  it('decrypts the roundtrip_test.go secure value to "secret-value"', () => {
    const key = keys.get('TestConfigRoundtripComments') ?? unlockStack('TestConfigRoundtripComments', VECTORS[1].state);
    expect(decryptValue(key, SECURE_VALUE)).toBe('secret-value');
  }, 20_000);

  it('encrypts byte for byte as Pulumi does: same key and nonce give the same ciphertext', () => {
    const key = keys.get('TestConfigRoundtripComments') ?? unlockStack('TestConfigRoundtripComments', VECTORS[1].state);
    const nonce = Buffer.from(SECURE_VALUE.split(':')[1]!, 'base64');
    expect(encryptValue(key, 'secret-value', nonce)).toBe(SECURE_VALUE);
  }, 20_000);

  it('does not open a value under another stack\'s key', () => {
    const other = keys.get('abc123') ?? unlockStack('abc123', VECTORS[2].state);
    expect(() => decryptValue(other, SECURE_VALUE)).toThrow(new PassphraseError('value does not decrypt under this key', 'auth'));
  }, 20_000);
});

describe('round trip', () => {
  it('a new salt state unlocks with its passphrase, and values round-trip under its key', () => {
    const created = newEncryptionSalt('terra-iac test passphrase');
    expect(created.state).toMatch(/^v1:[A-Za-z0-9+/]{11}=:v1:[A-Za-z0-9+/]{16}:[A-Za-z0-9+/]+=*$/);
    const key = unlockStack('terra-iac test passphrase', created.state);
    expect(key.equals(created.key)).toBe(true);
    const secret = 'tk_live_round_trip_Zm9vYmFy';
    const ciphertext = encryptValue(key, secret);
    expect(ciphertext).not.toContain(secret);
    expect(decryptValue(key, ciphertext)).toBe(secret);
    expect(encryptValue(key, secret)).not.toBe(ciphertext);
  }, 20_000);

  it('an empty passphrase is valid, as in Pulumi', () => {
    const salt = Buffer.from('0011223344556677', 'hex');
    const created = newEncryptionSalt('', salt);
    expect(parseEncryptionSalt(created.state).salt.equals(salt)).toBe(true);
    expect(deriveKey('', salt).equals(created.key)).toBe(true);
    expect(decryptValue(created.key, parseEncryptionSalt(created.state).check)).toBe('pulumi');
  }, 20_000);
});

describe('malformed values fail with a PassphraseError that never echoes the value', () => {
  const key = Buffer.alloc(32, 7);
  it.each([
    ['not three parts', 'v1:c2VjcmV0LXZhbHVl', 'bad value: expected v1:<nonce>:<ciphertext>'],
    ['an unknown version', 'v2:AAAAAAAAAAAAAAAA:c2VjcmV0LXZhbHVlLXNlY3JldC12YWx1ZQ==', 'unknown value version'],
    ['a short nonce', 'v1:AAAA:c2VjcmV0LXZhbHVlLXNlY3JldC12YWx1ZQ==', 'bad nonce length'],
    ['a body shorter than the tag', 'v1:AAAAAAAAAAAAAAAA:c2VjcmV0', 'ciphertext shorter than the GCM tag'],
    ['a value that does not authenticate', SECURE_VALUE, 'value does not decrypt under this key'],
  ])('%s', (_name, value, message) => {
    let caught: unknown;
    try {
      decryptValue(key, value);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PassphraseError);
    expect((caught as Error).message).toBe(message);
    expect((caught as Error).message).not.toContain(value.split(':').at(-1)!);
  });

  it('a malformed salt state', () => {
    expect(() => parseEncryptionSalt('v1:abc')).toThrow(PassphraseError);
    expect(() => unlockStack('x', 'v2:fozI5u6B030=:v1:F+6ZduKKd8G0/V7L:PGMFeIzwobWRKmEAzUdaQHqC5mMRIQ==')).toThrow(PassphraseError);
  });
});
