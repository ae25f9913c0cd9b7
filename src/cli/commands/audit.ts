import { AUDIT_FORMATS } from '../../report/render';
import { defineSpec } from '../command';
import { formatOption, ROOT_OPTION, type ParsedArgs } from '../options';

const options = {
  format: formatOption(AUDIT_FORMATS, 'md', 'report format; html is one self-contained page'),
  output: { type: 'string', valueName: 'FILE', description: 'write the report to FILE (atomically) and a summary to stderr' },
  root: ROOT_OPTION,
} as const;

export type AuditArgs = ParsedArgs<typeof options>;

/** `terra-iac audit`: a report for auditors, not a gate. */
export const spec = defineSpec({
  name: 'audit',
  summary: 'report every environment: providers, webhooks, secrets, owners, open findings, provenance',
  usage: '[--format md|csv|json|html] [--output FILE] [--root DIR]',
  description:
    'Reports every config/*.yaml and its Pulumi.<env>.yaml: the matrix of environments and providers, per\n' +
    'environment its tier, dev-id, webhook, destinations, secret names, owners and limits, the open findings of\n' +
    'terra-iac validate, and the git commit and file hashes it read. SOURCE_DATE_EPOCH fixes its timestamp.',
  positionals: [],
  options,
  exitCodes: '0 the report was written (even when it lists findings), 2 usage error, no config/*.yaml, or the output cannot be written.',
});
