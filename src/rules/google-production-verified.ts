import { isProviderEnabled } from '../model/enabled-providers';
import { GOOGLE_SCOPES_SOURCE } from '../catalog/google-scopes';
import type { GoogleDedicatedKeys } from '../model/dedicated-keys';
import type { Rule } from '../validate/rule-contract';
import { modeledEnvironments } from './util/environments';

/** An unverified Google app shows users a warning screen and caps sign-ups: not for production. */
export const googleProductionVerified: Rule = {
  id: 'google-production-verified',
  severity: 'error',
  description: 'Google dedicated keys in a production-tier environment need an app that passed Google\'s verification (`appVerification: verified`).',
  source: GOOGLE_SCOPES_SOURCE,
  fix: 'Finish Google\'s OAuth app verification before going live, then set `appVerification: verified`; until then keep GOOGLE dedicated keys out of production-tier environments.',
  check(ctx) {
    for (const env of modeledEnvironments(ctx)) {
      const google = env.model.providers.GOOGLE;
      const keys = google?.dedicatedKeys as GoogleDedicatedKeys | undefined;
      if (env.tier !== 'production' || !keys || !isProviderEnabled(google) || keys.appVerification === 'verified') continue;
      ctx.report(env.file, {
        path: ['providers', 'GOOGLE', 'dedicatedKeys', 'appVerification'],
        message: `production uses a Google app whose verification is ${keys.appVerification}`,
        hint: 'finish Google\'s OAuth app verification (Terra asks for a demo video) before going live, then set `appVerification: verified`',
      });
    }
  },
};
