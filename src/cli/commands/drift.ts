import { defineSpec } from '../command';
import { formatOption, ROOT_OPTION, type ParsedArgs } from '../options';

export const ADMIN_BASE_URL_OPTION = {
  type: 'string',
  valueName: 'URL',
  description: 'Terra admin API base URL (else TERRA_ADMIN_BASE_URL, else terra.admin.baseUrl; there is no default)',
} as const;

const options = {
  env: { type: 'string', valueName: 'NAME', description: 'the environment to compare (config/NAME.yaml); required' },
  format: formatOption(['text', 'json'], 'text'),
  'admin-base-url': ADMIN_BASE_URL_OPTION,
  root: ROOT_OPTION,
} as const;

export type DriftArgs = ParsedArgs<typeof options>;

/** `terra-iac drift`: does Terra still hold what config/ declares? */
export const spec = defineSpec({
  name: 'drift',
  summary: 'compare an environment with what Terra\'s admin API holds (read-only)',
  usage: '--env NAME [--format text|json] [--admin-base-url URL] [--root DIR]',
  description:
    'Reads sources, their credentials and custom scopes, and webhook destinations with GET requests only, and\n' +
    'lists what apply would change. The admin token comes from TERRA_ADMIN_TOKEN (scopes providers:read and\n' +
    'destinations:read). With PULUMI_CONFIG_PASSPHRASE set, client secrets are compared with Terra\'s masks.',
  positionals: [],
  options,
  exitCodes: '0 in sync, 1 differs (or a part could not be read), 2 usage, configuration, token or I/O error.',
});
