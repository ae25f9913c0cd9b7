import { AdminError } from './admin-error';

/** Where the admin token is read from; the value is never kept beyond the call that reads it. */
export const ADMIN_TOKEN_VARIABLE = 'TERRA_ADMIN_TOKEN';

/** The environment, as a plain record (process.env, or a test's own object). */
export type EnvSource = Readonly<Record<string, string | undefined>>;

/**
 * The admin token for one call, read from `env` when the call runs (so a rotated token is picked up and
 * nothing long-lived holds it). Admin tokens are `terra_at_*`; a `terra_dt_*` data token authenticates
 * the data API only ("the planes never cross", admin-api.yaml `adminToken`), so it is refused here,
 * before anything is sent. Other prefixes are left for `GET /me` to judge.
 */
export function readAdminToken(env: EnvSource): string {
  const token = env[ADMIN_TOKEN_VARIABLE];
  if (token === undefined || token.trim() === '') {
    throw new AdminError(
      'token-missing',
      `${ADMIN_TOKEN_VARIABLE} is not set, and the admin API needs an admin token`,
      'auth',
      `export ${ADMIN_TOKEN_VARIABLE} with an admin token (terra_at_…): \`terra login\` mints one, or mint it on the dashboard`,
    );
  }
  if (token.trim().startsWith('terra_dt_')) {
    throw new AdminError(
      'data-token',
      `${ADMIN_TOKEN_VARIABLE} holds a data token (terra_dt_…), which authenticates the data API only; the admin API takes an admin token (terra_at_…)`,
      'auth',
      `export ${ADMIN_TOKEN_VARIABLE} with an admin token: \`terra login\` mints one`,
    );
  }
  return token;
}
