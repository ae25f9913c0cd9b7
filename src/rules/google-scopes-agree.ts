import { SOURCES } from '../catalog/sources';
import { GOOGLE_SCOPES_SOURCE, normalizeGoogleScope } from '../catalog/google-scopes';
import type { Rule } from '../validate/rule-contract';
import { modeledEnvironments } from './util/environments';

const asSet = (scopes: readonly string[]) => [...new Set(scopes.map(normalizeGoogleScope))].sort();

/** Google's custom scopes can be written twice; two different lists leave apply guessing which one to send. */
export const googleScopesAgree: Rule = {
  id: 'google-scopes-agree',
  severity: 'error',
  description:
    'GOOGLE\'s `scopes` and `dedicatedKeys.scopes` name the same custom scopes in Terra: when both are given they must list the same scopes (short and full forms are equal).',
  source: `${GOOGLE_SCOPES_SOURCE}; ${SOURCES.adminApi}: setSourceScopes`,
  fix: 'Keep one list: remove `providers.GOOGLE.scopes`, since `dedicatedKeys.scopes` already sets the custom scopes, or make both lists name the same scopes.',
  check(ctx) {
    for (const env of modeledEnvironments(ctx)) {
      const google = env.model.providers.GOOGLE;
      const keys = google?.dedicatedKeys;
      if (!google?.scopes || !keys || !('scopes' in keys)) continue;
      const generic = asSet(google.scopes);
      const app = asSet(keys.scopes);
      if (generic.length === app.length && generic.every((scope, i) => scope === app[i])) continue;
      const short = (list: string[], other: string[]) =>
        list.filter((s) => !other.includes(s)).map((s) => s.replace('https://www.googleapis.com/auth/', ''));
      const onlyGeneric = short(generic, app);
      const onlyApp = short(app, generic);
      ctx.report(env.file, {
        path: ['providers', 'GOOGLE', 'scopes'],
        target: 'key',
        message: `providers.GOOGLE.scopes and providers.GOOGLE.dedicatedKeys.scopes differ${onlyGeneric.length ? `; only in scopes: ${onlyGeneric.join(', ')}` : ''}${onlyApp.length ? `; only in dedicatedKeys.scopes: ${onlyApp.join(', ')}` : ''}`,
        hint: 'keep one list: remove providers.GOOGLE.scopes, since dedicatedKeys.scopes already sets the custom scopes',
      });
    }
  },
};
