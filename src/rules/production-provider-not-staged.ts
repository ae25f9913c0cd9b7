import { SOURCES } from '../catalog/sources';
import type { Rule } from '../validate/rule-contract';
import { enabledProviders } from '../model/enabled-providers';
import { modeledEnvironments, unknownEnvironments } from './util/environments';

/** A provider that goes live without a staging run has never had its keys, scopes or callbacks exercised. */
export const productionProviderNotStaged: Rule = {
  id: 'production-provider-not-staged',
  severity: 'warning',
  description: 'A provider enabled in a production-tier environment but in no staging-tier environment warns: it reaches real users untried.',
  source: SOURCES.environments,
  fix: 'Enable the provider in a staging-tier environment as well and try a real connection there before production users reach it.',
  check(ctx) {
    const environments = modeledEnvironments(ctx);
    const staging = environments.filter((e) => e.tier === 'staging');
    // With only some files loaded, a staging file may exist that we did not read.
    if (staging.length === 0 && !ctx.complete) return;
    // A staging peer that failed its schema may enable any provider: unknown, so say nothing. An invalid file
    // of no known tier may be a staging one too (its `tier:` is unreadable).
    if (unknownEnvironments(ctx).some((e) => e.tier === undefined || e.tier === 'staging')) return;
    const staged = new Set(staging.flatMap((e) => enabledProviders(e.model).map(([code]) => code)));
    for (const env of environments) {
      if (env.tier !== 'production') continue;
      for (const [code] of enabledProviders(env.model)) {
        if (staged.has(code)) continue;
        ctx.report(env.file, {
          path: ['providers', code],
          target: 'key',
          message: `\`${code}\` is enabled in production but in no staging-tier environment`,
          hint: `enable ${code} in a staging-tier environment first and try a real connection there`,
        });
      }
    }
  },
};
