import { PROVIDER_CODES, findProvider } from '../catalog/providers';
import { SOURCES } from '../catalog/sources';
import { didYouMean } from '../core/did-you-mean';
import type { Rule } from '../validate/rule-contract';
import { declaredProviders } from '../model/enabled-providers';
import { modeledEnvironments } from './util/environments';

/** Terra answers an unknown resource code with 404 at connection time; catch the typo in review instead. */
export const providerUnknown: Rule = {
  id: 'provider-unknown',
  severity: 'error',
  description:
    'Provider keys must be Terra resource codes (GARMIN, STRAVA, ...); unknown codes get a did-you-mean. Codes seen only in older or third-party material (UNCONFIRMED) warn.',
  source: `${SOURCES.integrationsList}; ${SOURCES.supportedIntegrations}`,
  check(ctx) {
    for (const env of modeledEnvironments(ctx)) {
      for (const [code] of declaredProviders(env.model)) {
        const path = ['providers', code];
        const facts = findProvider(code);
        if (!facts) {
          const suggestion = didYouMean(code, PROVIDER_CODES);
          ctx.report(env.file, {
            path,
            target: 'key',
            message: `unknown provider code \`${code}\``,
            hint: suggestion
              ? `did you mean \`${suggestion}\`?`
              : 'use a resource code from Terra\'s integrations list (GET /integrations lists the ones your dev-id can use)',
          });
        } else if (!facts.confirmed) {
          ctx.report(env.file, {
            path,
            target: 'key',
            severity: 'warning',
            message: `provider code \`${code}\` (${facts.name}) is UNCONFIRMED: it appears only in older or third-party material`,
            hint: 'check that GET /integrations lists it for your dev-id before relying on it',
          });
        }
      }
    }
  },
};
