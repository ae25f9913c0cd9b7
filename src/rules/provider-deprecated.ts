import { findProvider } from '../catalog/providers';
import { SOURCES } from '../catalog/sources';
import type { Rule } from '../validate/rule-contract';
import { enabledProviders } from '../model/enabled-providers';
import { modeledEnvironments } from './util/environments';

/** A deprecated integration can stop without notice; new users should not be sent to it. */
export const providerDeprecated: Rule = {
  id: 'provider-deprecated',
  severity: 'warning',
  description: 'An enabled provider that Terra lists as deprecated warns, so nobody builds on an integration that is going away.',
  source: SOURCES.integrationsList,
  fix: 'Plan a replacement provider, or set `enabled: false` for this one.',
  check(ctx) {
    for (const env of modeledEnvironments(ctx)) {
      for (const [code] of enabledProviders(env.model)) {
        const deprecated = findProvider(code)?.deprecated;
        if (!deprecated) continue;
        ctx.report(env.file, {
          path: ['providers', code],
          target: 'key',
          message: `provider \`${code}\` is deprecated (${deprecated})`,
          hint: `plan a replacement, or set \`enabled: false\` under providers.${code}`,
        });
      }
    }
  },
};
