import { defineSpec } from '../command';
import { ROOT_OPTION, type ParsedArgs } from '../options';
import { ADMIN_BASE_URL_OPTION } from './drift';

const options = {
  env: { type: 'string', valueName: 'NAME', description: 'the environment whose API key to rotate (config/NAME.yaml); required' },
  yes: { type: 'boolean', description: 'rotate without asking (required when stdin is not a terminal)' },
  'admin-base-url': ADMIN_BASE_URL_OPTION,
  root: ROOT_OPTION,
} as const;

export type RotateApiKeyArgs = ParsedArgs<typeof options>;

/** `terra-iac rotate-api-key`: a new Terra API key, stored encrypted where terra.apiKey points. */
export const spec = defineSpec({
  name: 'rotate-api-key',
  summary: 'rotate an environment\'s Terra API key and encrypt the new key into its stack file',
  usage: '--env NAME [--yes] [--admin-base-url URL] [--root DIR]',
  description:
    'Calls the admin API (POST /environments/{dev_id}/api-key/rotate; TERRA_ADMIN_TOKEN with account:write and\n' +
    'keys:read) and encrypts the new key into Pulumi.NAME.yaml where terra.apiKey points, as `pulumi config set\n' +
    '--secret` would (PULUMI_CONFIG_PASSPHRASE). The key is never printed. Terra stops accepting the old key at\n' +
    'once: run `pulumi up --stack NAME` next so AWS Secrets Manager holds the new one. Refuses before calling\n' +
    'Terra when the key could not be stored (a fromEnv reference, a non-passphrase stack, no passphrase).',
  positionals: [],
  options,
  exitCodes: '0 rotated and stored, 2 usage, configuration, token or I/O error, or not confirmed (nothing rotated).',
});
