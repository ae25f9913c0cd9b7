import { findProvider } from '../catalog/providers';
import { SOURCES } from '../catalog/sources';
import type { Rule } from '../validate/rule-contract';
import { enabledProviders } from '../model/enabled-providers';
import { modeledEnvironments } from './util/environments';

/** Apple Health, Samsung Health, Health Connect... never appear in the web widget; the app must ship the SDK. */
export const providerMobileSdk: Rule = {
  id: 'provider-mobile-sdk',
  severity: 'info',
  description:
    'Providers reachable only through Terra\'s mobile SDK (APPLE, SAMSUNG, GOOGLEFIT, ...) are flagged: the Health & Fitness API and web widget cannot connect them, the app must integrate the SDK.',
  source: `${SOURCES.dataSources}; ${SOURCES.androidSdk}`,
  fix: 'Nothing to change in the config: make sure the mobile app integrates Terra\'s SDK and connects users with a token from `POST /auth/generateAuthToken`.',
  check(ctx) {
    for (const env of modeledEnvironments(ctx)) {
      for (const [code] of enabledProviders(env.model)) {
        const facts = findProvider(code);
        if (facts?.surface !== 'mobile-sdk') continue;
        ctx.report(env.file, {
          path: ['providers', code],
          target: 'key',
          message: `\`${code}\` (${facts.name}) is only reachable through Terra's mobile SDK, not the web widget`,
          hint: 'make sure the mobile app integrates the Terra SDK and connects users with a token from POST /auth/generateAuthToken',
        });
      }
    }
  },
};
