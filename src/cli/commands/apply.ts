import { defineSpec } from '../command';
import { formatOption, ROOT_OPTION, type ParsedArgs } from '../options';
import { ADMIN_BASE_URL_OPTION } from './drift';

const options = {
  env: { type: 'string', valueName: 'NAME', description: 'the environment to apply (config/NAME.yaml); required' },
  yes: { type: 'boolean', description: 'apply without asking (required when stdin is not a terminal)' },
  format: formatOption(['text', 'json'], 'text'),
  'admin-base-url': ADMIN_BASE_URL_OPTION,
  root: ROOT_OPTION,
} as const;

export type ApplyArgs = ParsedArgs<typeof options>;

/** `terra-iac apply`: make Terra hold what config/ declares. */
export const spec = defineSpec({
  name: 'apply',
  summary: 'make Terra\'s admin API hold what an environment declares',
  usage: '--env NAME [--yes] [--format text|json] [--admin-base-url URL] [--root DIR]',
  description:
    'Computes the same changes as drift, then calls the admin API to make them: sources on and off, dedicated\n' +
    'credentials, custom scopes, the webhook destination. Secret values come from the stack config (decrypted\n' +
    'with PULUMI_CONFIG_PASSPHRASE) or the environment variables the references name. A new webhook\n' +
    'destination\'s signing secret is encrypted into Pulumi.NAME.yaml at webhook.signingSecret. The token\n' +
    '(TERRA_ADMIN_TOKEN) needs providers:read/write and destinations:read/write for what it changes.',
  positionals: [],
  options,
  exitCodes: '0 Terra now matches, 1 a change failed or something still differs, 2 usage, configuration, token or I/O error.',
});
