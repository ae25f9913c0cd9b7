import { CHECK_IDS } from '../../terra/smoke/smoke-types';
import { defineSpec } from '../command';
import { formatOption, ROOT_OPTION, type ParsedArgs } from '../options';
import { ADMIN_BASE_URL_OPTION } from './drift';

// `--timeout-ms` defaults to the runner's DEFAULT_CHECK_TIMEOUT_MS (a test keeps them equal); importing it
// here would load the runner and the Terra SDK for every `--help`.
const options = {
  env: { type: 'string', valueName: 'NAME', description: 'the environment to test (config/NAME.yaml); required' },
  'api-base-url': { type: 'string', valueName: 'URL', description: 'Terra API base URL (else TERRA_API_BASE_URL, else terra.apiBaseUrl, else Terra\'s default)' },
  'webhook-url': { type: 'string', valueName: 'URL', description: 'send the webhook checks to this receiver instead of webhook.url' },
  format: formatOption(['text', 'json'], 'text'),
  'timeout-ms': { type: 'string', valueName: 'N', default: '10000', description: 'time limit of each check in milliseconds, 100 to 120000' },
  skip: { type: 'string', multiple: true, valueName: 'CHECK', description: `a check not to run: ${CHECK_IDS.join(', ')}` },
  'admin-base-url': ADMIN_BASE_URL_OPTION,
  'deliveries-window-hours': { type: 'string', valueName: 'N', default: '24', description: 'webhook.recent-deliveries looks this many hours back, 1 to 336' },
  'deliveries-warn-above': { type: 'string', valueName: 'N', default: '0', description: 'webhook.recent-deliveries warns above this many failed deliveries' },
  root: ROOT_OPTION,
} as const;

export type SmokeArgs = ParsedArgs<typeof options>;

/** `terra-iac smoke`: does the environment really work against Terra? */
export const spec = defineSpec({
  name: 'smoke',
  summary: 'check an environment against Terra: credentials, providers, webhook receiver',
  usage:
    '--env NAME [--api-base-url URL] [--webhook-url URL] [--format text|json] [--timeout-ms N] [--skip CHECK]... ' +
    '[--admin-base-url URL] [--deliveries-window-hours N] [--deliveries-warn-above N] [--root DIR]',
  description:
    'Secrets come from the environment only: TERRA_API_KEY (required) and TERRA_WEBHOOK_SIGNING_SECRET (required\n' +
    'when the environment has a webhook, unless --skip webhook.delivery), or the variables its { fromEnv } references\n' +
    'name. They never appear in any output. The environment file must validate first. With TERRA_ADMIN_TOKEN\n' +
    '(scope events:read) and an admin base URL, webhook.recent-deliveries reads Terra\'s delivery history.',
  positionals: [],
  options,
  exitCodes: '0 no check failed (warnings are allowed), 1 a check failed, 2 usage, configuration or I/O error.',
});
