import { USER_LIMITS, USER_QUOTA_WARN_RATIO } from '../../../catalog/environment-limits';
import type { SmokeCheck } from '../smoke-context';
import { describeError, fail, pass, skip, warn } from './outcomes';

/**
 * Testing and staging dev-ids connect at most 50 users (SOURCES.environments, catalog USER_LIMITS); new connections
 * fail at the limit, and deauthenticating test users frees slots.
 */
export const usersQuota: SmokeCheck = {
  id: 'users.quota',
  description: 'In testing and staging, the number of connected users against the 50-user limit (warn from 80 %, fail at the limit).',
  async run({ shared, target }) {
    if (!target.tier) return skip('the tier is unknown (set tier: in the environment file), so the user limit is unknown');
    const limit = USER_LIMITS[target.tier];
    if (limit === null) return skip(`${target.tier} environments have no user limit`);
    let count: number;
    try {
      count = (await shared.users()).count;
    } catch (error) {
      return skip(`not checked: the user list could not be read (${describeError(error)}; see credentials.valid)`);
    }
    const percent = Math.round((count / limit) * 100);
    const usage = `${count} of ${limit} users connected (${percent} %)`;
    const free = 'deauthenticate test users you no longer need (DELETE /auth/deauthenticateUser)';
    if (count >= limit) return fail(`${usage}: the ${target.tier} limit is reached and new connections will fail; ${free}`);
    if (count >= limit * USER_QUOTA_WARN_RATIO) return warn(`${usage}: close to the ${target.tier} limit; ${free}`);
    return pass(usage);
  },
};
