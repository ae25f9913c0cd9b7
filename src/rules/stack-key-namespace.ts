import { SOURCES } from '../catalog/sources';
import { PROJECT_NAMESPACE } from '../model/secret-refs';
import type { Rule } from '../validate/rule-contract';
import { modeledStacks, stackConfig } from './util/stacks';

/** Pulumi's ParseKey: one colon, or the legacy `<namespace>:config:<name>` form. */
const LEGACY_KEY = /^[^:]+:config:[^:]+$/;

export function isPulumiConfigKey(key: string): boolean {
  const colons = key.split(':').length - 1;
  return colons === 1 || (colons === 2 && LEGACY_KEY.test(key));
}

/** Pulumi refuses the whole stack file when one key does not parse. */
export const stackKeyNamespace: Rule = {
  id: 'stack-key-namespace',
  severity: 'error',
  description:
    'Stack config keys must be `<namespace>:<name>` (or the legacy `<namespace>:config:<name>`), as Pulumi\'s ParseKey requires; bare names are allowed only in Pulumi.yaml.',
  source: SOURCES.pulumiConfigKey,
  fix: 'Write the key as `<namespace>:<name>` with exactly one colon, e.g. `terra-iac:terraApiKey`.',
  check(ctx) {
    for (const stack of modeledStacks(ctx)) {
      for (const key of Object.keys(stackConfig(stack))) {
        if (isPulumiConfigKey(key)) continue;
        ctx.report(stack.file, {
          path: ['config', key],
          target: 'key',
          message: `could not parse ${key} as a configuration key (configuration keys should be of the form \`<namespace>:<name>\`)`,
          hint: key.includes(':') ? 'use exactly one colon between namespace and name' : `write \`${PROJECT_NAMESPACE}:${key}\``,
        });
      }
    }
  },
};
