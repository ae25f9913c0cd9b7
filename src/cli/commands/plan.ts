import { defineSpec } from '../command';
import { formatOption, ROOT_OPTION, type ParsedArgs } from '../options';

const options = {
  env: { type: 'string', valueName: 'NAME', description: 'the environment to plan (config/NAME.yaml and Pulumi.NAME.yaml); required' },
  format: formatOption(['text', 'json'], 'text'),
  root: ROOT_OPTION,
} as const;

export type PlanArgs = ParsedArgs<typeof options>;

/** `terra-iac plan`: what `pulumi up` would register, without Pulumi's CLI or the cloud. */
export const spec = defineSpec({
  name: 'plan',
  summary: 'list every resource the Pulumi program would register for an environment',
  usage: '--env NAME [--format text|json] [--root DIR]',
  description:
    'Lists every resource the Pulumi program would register for config/NAME.yaml and Pulumi.NAME.yaml: type,\n' +
    'name, parent and inputs, secret values shown as [secret]. It runs the real program in-process under\n' +
    "Pulumi's mocks: no Pulumi CLI, no cloud credentials. It is a plan of the program, not a diff against\n" +
    'deployed state (that is `pulumi preview`). With PULUMI_CONFIG_PASSPHRASE set, secure stack values are\n' +
    'decrypted (and still never printed); without it, placeholders stand in.',
  positionals: [],
  options,
  exitCodes: '0 planned, 1 the configuration has errors, 2 usage, configuration or I/O error.',
});
