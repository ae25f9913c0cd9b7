import { USER_LIMITS, USER_LIMIT_SOURCE } from '../catalog/environment-limits';
import type { Rule } from '../validate/rule-contract';
import { modeledEnvironments } from './util/environments';

/** Terra caps testing and staging dev-ids; planning past the cap means users who cannot connect. */
export const userLimit: Rule = {
  id: 'user-limit',
  severity: 'error',
  description: `Testing and staging tiers allow ${USER_LIMITS.testing} connected users, so \`limits.plannedUsers\` cannot exceed that there (production is unlimited).`,
  source: USER_LIMIT_SOURCE,
  fix: `Plan at most ${USER_LIMITS.testing} users in testing and staging tiers (deauthenticate test users to free slots), or move the load to a production-tier environment.`,
  check(ctx) {
    for (const env of modeledEnvironments(ctx)) {
      const planned = env.model.limits?.plannedUsers;
      const limit = env.tier ? USER_LIMITS[env.tier] : null;
      if (planned === undefined || limit === null || planned <= limit) continue;
      ctx.report(env.file, {
        path: ['limits', 'plannedUsers'],
        message: `${planned} planned users exceed the ${env.tier} tier's limit of ${limit}`,
        hint: `plan at most ${limit} users here (deauthenticate test users to free slots), or move the load to a production-tier environment`,
      });
    }
  },
};
