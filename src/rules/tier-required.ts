import { TIERS } from '../catalog/environment-limits';
import { SOURCES } from '../catalog/sources';
import type { Rule } from '../validate/rule-contract';

/** Limits and checks depend on the tier; a file named `eu-prod.yaml` does not say which it is. */
export const tierRequired: Rule = {
  id: 'tier-required',
  severity: 'error',
  description: 'An environment file not named testing, staging or production must declare `tier:`, because user limits and several rules depend on it.',
  source: SOURCES.environments,
  fix: 'Add `tier: testing`, `tier: staging` or `tier: production` at the top level of the file.',
  check(ctx) {
    for (const env of ctx.environments) {
      if (env.tier || env.model === undefined) continue;
      ctx.report(env.file, {
        path: [],
        message: `${env.file.path} does not say which Terra environment kind it is`,
        hint: `add \`tier: ${TIERS.join(' | ')}\` at the top level`,
      });
    }
  },
};
