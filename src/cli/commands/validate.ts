import { FORMAT_NAMES } from '../../formatters';
import { defineSpec } from '../command';
import { formatOption, ROOT_OPTION, type ParsedArgs } from '../options';

const options = {
  env: { type: 'string', multiple: true, valueName: 'NAME', description: 'check config/NAME.yaml and Pulumi.NAME.yaml only' },
  format: formatOption(FORMAT_NAMES, 'text', 'report format; github gives workflow annotations'),
  output: { type: 'string', valueName: 'FILE', description: 'write the report to FILE (atomically) and a summary to stderr' },
  'fail-on': { type: 'string', valueName: 'SEV', choices: ['error', 'warning'], default: 'error', description: 'exit 1 on errors, or on warnings too' },
  root: { ...ROOT_OPTION, description: 'project root (default: the current directory); github and sarif paths stay relative to the current directory' },
} as const;

export type ValidateArgs = ParsedArgs<typeof options>;

/** `terra-iac validate`: the gate of a pull request. */
export const spec = defineSpec({
  name: 'validate',
  summary: 'check config/*.yaml, Pulumi.yaml and Pulumi.*.yaml against the schemas and rules',
  usage: `[FILES...] [--env NAME]... [--format ${FORMAT_NAMES.join('|')}] [--output FILE] [--fail-on error|warning] [--root DIR]`,
  description:
    'Checks config/*.yaml, Pulumi.yaml and Pulumi.*.yaml (or only FILES, or only the named environments). With\n' +
    'PULUMI_CONFIG_PASSPHRASE (or PULUMI_CONFIG_PASSPHRASE_FILE) set, it also proves that each secure value of a\n' +
    'passphrase stack decrypts; nothing decrypted is printed.',
  positionals: [{ name: 'FILES...', description: 'check only these files (paths from the current directory)' }],
  options,
  exitCodes: '0 nothing at or above --fail-on, 1 findings, 2 usage, configuration or I/O error.',
});
