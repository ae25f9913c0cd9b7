import type * as Crypto from 'node:crypto';

/**
 * node:crypto on first use. Loading it takes about 10 ms of a start-up, and `validate` needs it only with
 * PULUMI_CONFIG_PASSPHRASE set (stack-secret-decrypts) or when it writes a report file.
 */
export function nodeCrypto(): typeof Crypto {
  return require('node:crypto') as typeof Crypto;
}
