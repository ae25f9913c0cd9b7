import { DIFF_FORMATS } from '../../report/diff/render';
import { defineSpec } from '../command';
import { formatOption, ROOT_OPTION, type ParsedArgs } from '../options';

const options = {
  since: { type: 'string', valueName: 'GIT_REF', description: 'list what changed in config/ since a commit, branch or tag, commit by commit' },
  format: formatOption(DIFF_FORMATS, 'text'),
  root: ROOT_OPTION,
} as const;

export type DiffArgs = ParsedArgs<typeof options>;

/** `terra-iac diff`: two environments side by side, or the history of the declarations. */
export const spec = defineSpec({
  name: 'diff',
  summary: 'compare two environments, or list what changed in config/ since a git ref',
  usage: 'ENV_A ENV_B | --since GIT_REF [--format text|json] [--root DIR]',
  description:
    'ENV_A ENV_B compares what the two environments declare (providers, scopes, webhook, destinations, tier,\n' +
    'limits, AWS settings), leaving out what names each its own things. --since walks the commits after GIT_REF\n' +
    'that touched config/ and lists each semantic change with its commit, then the uncommitted ones.',
  positionals: [
    { name: 'ENV_A', description: 'the environment to compare from (config/ENV_A.yaml)' },
    { name: 'ENV_B', description: 'the environment to compare to' },
  ],
  options,
  exitCodes: '0 no differences, 1 differences, 2 usage or configuration error (unknown environment, invalid file, unknown ref).',
});
