import { defineSpec } from '../command';
import type { ParsedArgs } from '../options';

const options = {
  'package-spec': {
    type: 'string',
    valueName: 'SPEC',
    description: 'how package.json depends on terra-iac: a version range (default ^ this version), file:PATH.tgz, a git URL',
  },
  name: { type: 'string', valueName: 'NAME', description: 'the new package.json name (default: the folder name)' },
} as const;

export type InitArgs = ParsedArgs<typeof options>;

/** `terra-iac init [DIR]`: a new infrastructure repository that installs terra-iac instead of forking it. */
export const spec = defineSpec({
  name: 'init',
  summary: 'scaffold a new infrastructure repository that depends on the terra-iac package',
  usage: '[DIR] [--package-spec SPEC] [--name NAME]',
  description:
    'Writes config/ (testing, staging, production, with REPLACE placeholders that validate), Pulumi.yaml (its main,\n' +
    'index.js, runs the installed package\'s program), the three stack files, package.json (depending on terra-iac\n' +
    'and @pulumi/pulumi), .github/workflows/validate.yml, .gitignore and a README of the next steps. Refuses to\n' +
    'overwrite: when any of these files exists, nothing is written.',
  positionals: [{ name: 'DIR', description: 'the folder to create the repository in (default: the current directory)' }],
  options,
  exitCodes: '0 written, 2 usage or I/O error, or a file already exists (nothing written).',
});
