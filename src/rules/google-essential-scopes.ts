import { GOOGLE_DEFAULT_SCOPES, GOOGLE_ESSENTIAL_SCOPES, GOOGLE_SCOPES_SOURCE, normalizeGoogleScope } from '../catalog/google-scopes';
import type { GoogleDedicatedKeys } from '../model/dedicated-keys';
import type { Rule } from '../validate/rule-contract';
import { modeledEnvironments } from './util/environments';

const KNOWN: ReadonlySet<string> = new Set(GOOGLE_DEFAULT_SCOPES);
const short = (scope: string) => scope.replace('https://www.googleapis.com/auth/', '');

/** Terra needs the user's time zone and Google user id from every Google app, whatever data it reads. */
export const googleEssentialScopes: Rule = {
  id: 'google-essential-scopes',
  severity: 'error',
  description:
    'A Google app must request Terra\'s two essential scopes, calendar.settings.readonly (time zone) and userinfo.profile (Google user id); scopes outside Terra\'s documented list warn.',
  source: GOOGLE_SCOPES_SOURCE,
  fix: 'Add `calendar.settings.readonly` and `userinfo.profile` to the scopes (and to the Google OAuth consent screen); check the spelling of any scope outside Terra\'s documented list.',
  check(ctx) {
    for (const env of modeledEnvironments(ctx)) {
      const keys = env.model.providers.GOOGLE?.dedicatedKeys as GoogleDedicatedKeys | undefined;
      if (!keys) continue;
      const path = ['providers', 'GOOGLE', 'dedicatedKeys', 'scopes'];
      const requested = keys.scopes.map(normalizeGoogleScope);
      for (const essential of GOOGLE_ESSENTIAL_SCOPES) {
        if (requested.includes(essential)) continue;
        ctx.report(env.file, {
          path,
          target: 'key',
          message: `Google scopes lack the essential scope ${short(essential)}`,
          hint: `add \`${short(essential)}\` to the list (and to the Google OAuth consent screen)`,
        });
      }
      requested.forEach((scope, i) => {
        if (KNOWN.has(scope)) return;
        ctx.report(env.file, {
          path: [...path, i],
          severity: 'warning',
          message: `Google scope ${keys.scopes[i]} is not in Terra's documented scope list`,
          hint: 'check the spelling; Terra documents fitness.*.read, user.birthday.read, user.gender.read, userinfo.email, userinfo.profile and calendar.settings.readonly',
        });
      });
    }
  },
};
