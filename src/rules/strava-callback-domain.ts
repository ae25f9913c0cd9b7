import { SOURCES } from '../catalog/sources';
import type { StravaDedicatedKeys } from '../model/dedicated-keys';
import type { Rule } from '../validate/rule-contract';
import { modeledEnvironments, terraApiHostOf } from './util/environments';

/** Strava rejects the OAuth redirect (`{"field":"redirect_uri","code":"invalid"}`) when the domains differ. */
export const stravaCallbackDomain: Rule = {
  id: 'strava-callback-domain',
  severity: 'warning',
  description:
    'The Strava app\'s Authorization Callback Domain should be the Terra API host the environment uses (access.tryterra.co for current dev-ids, api.tryterra.co for older ones), or Strava answers `redirect_uri invalid`.',
  source: SOURCES.dedicatedKeys,
  fix: 'Set `callbackDomain` to the Terra API host the environment uses, here and in the Strava app settings (https://strava.com/settings/api).',
  check(ctx) {
    for (const env of modeledEnvironments(ctx)) {
      const keys = env.model.providers.STRAVA?.dedicatedKeys as StravaDedicatedKeys | undefined;
      const host = terraApiHostOf(env.model);
      if (!keys || !host || keys.callbackDomain === host) continue;
      ctx.report(env.file, {
        path: ['providers', 'STRAVA', 'dedicatedKeys', 'callbackDomain'],
        message: `Strava callback domain ${keys.callbackDomain} differs from this environment's Terra API host ${host}`,
        hint: `set callbackDomain to ${host} here and in the Strava app (https://strava.com/settings/api), unless Terra told you your dev-id needs the other host`,
      });
    }
  },
};
