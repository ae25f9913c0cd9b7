import { TIERS } from '../../catalog/environment-limits';
import { defineSpec } from '../command';
import { ROOT_OPTION, type ParsedArgs } from '../options';
import { ADMIN_BASE_URL_OPTION } from './drift';

const options = {
  env: { type: 'string', valueName: 'NAME', description: 'the environment to write (config/NAME.yaml and Pulumi.NAME.yaml); required' },
  'dev-id': { type: 'string', valueName: 'DEV', description: 'the Terra dev-id to read; required' },
  tier: { type: 'string', valueName: 'T', choices: TIERS, description: 'the environment\'s tier (else from NAME, else inferred from Terra)' },
  'admin-base-url': { ...ADMIN_BASE_URL_OPTION, description: 'Terra admin API base URL (else TERRA_ADMIN_BASE_URL; there is no default)' },
  force: { type: 'boolean', description: 'replace config/NAME.yaml and Pulumi.NAME.yaml if they exist' },
  root: ROOT_OPTION,
} as const;

export type ImportArgs = ParsedArgs<typeof options>;

/** `terra-iac import`: start from an environment that was set up in Terra's dashboard. */
export const spec = defineSpec({
  name: 'import',
  summary: 'write config/NAME.yaml and Pulumi.NAME.yaml from a live Terra environment (read-only)',
  usage: '--env NAME --dev-id DEV [--tier T] [--admin-base-url URL] [--force] [--root DIR]',
  description:
    'Reads the dev-id through Terra\'s admin API with GET requests only (token in TERRA_ADMIN_TOKEN, scopes\n' +
    'providers:read and destinations:read) and writes every enabled source, dedicated keys (the client id, and a\n' +
    'reference for the secret), custom scopes and the webhook destination. It writes no secret: Terra shows them\n' +
    'masked, and each one is left as a `pulumi config set --secret` command to run. Comments mark what needs a\n' +
    'human. Without --tier, an environment named testing, staging or production is that tier; otherwise the tier\n' +
    'is inferred from GET /environments/{dev_id} (scope account:read): its label, name or dev-id, then a user\n' +
    'limit above 50 or billable: true for production. With the scope dataconfig:read it also writes the data\n' +
    'types, samples, fields, processing format and the widget\'s name and logo.',
  positionals: [],
  options,
  exitCodes: '0 written, 2 usage, an existing file without --force (nothing written), token, Terra or I/O error.',
});
