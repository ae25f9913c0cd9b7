import type * as Crypto from 'node:crypto';

/**
 * node:crypto on first use. Loading it takes about 10 ms of a start-up, and `validate` needs it only with
 * PULUMI_CONFIG_PASSPHRASE set (stack-secret-decrypts) or when it writes a report file. A `require` call
 * also survives Pulumi's closure serialization of the smoke test's provider where a captured module object
 * may not (https://www.pulumi.com/docs/iac/concepts/functions/function-serialization/).
 */
export function nodeCrypto(): typeof Crypto {
  return require('node:crypto') as typeof Crypto;
}
