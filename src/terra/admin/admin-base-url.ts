import { urlProblem } from '../http/local-checks';
import { AdminError } from './admin-error';

/** Where the admin base URL came from, for messages. */
export type AdminBaseUrlSource = '--admin-base-url' | 'TERRA_ADMIN_BASE_URL' | 'terra.admin.baseUrl';

export interface ResolvedAdminBaseUrl {
  url: string;
  source: AdminBaseUrlSource;
}

/** The spec's `servers: - url: /api/v3/admin`, relative: it names the path, never a host. */
export const ADMIN_API_PATH = '/api/v3/admin';

/**
 * The admin API base URL: `--admin-base-url`, else `TERRA_ADMIN_BASE_URL`, else the environment's
 * `terra.admin.baseUrl`. There is no default host, because admin-api.yaml gives only the relative
 * `/api/v3/admin`. A bare origin (`https://host`) gets that path appended; any other path is kept, for
 * deployments behind a prefix.
 */
export function resolveAdminBaseUrl(flag: string | undefined, envVar: string | undefined, configured: string | undefined): ResolvedAdminBaseUrl {
  const chosen: [string | undefined, AdminBaseUrlSource][] = [
    [flag, '--admin-base-url'],
    [envVar, 'TERRA_ADMIN_BASE_URL'],
    [configured, 'terra.admin.baseUrl'],
  ];
  const found = chosen.find(([value]) => value !== undefined && value.trim() !== '');
  if (!found) {
    throw new AdminError(
      'base-url-missing',
      `no admin API base URL: Terra's published spec gives only the relative ${ADMIN_API_PATH}, so terra-iac has no default host`,
      'config',
      `pass --admin-base-url https://<host>${ADMIN_API_PATH}, set TERRA_ADMIN_BASE_URL, or set terra.admin.baseUrl in the environment file`,
    );
  }
  const [value, source] = found as [string, AdminBaseUrlSource];
  const problem = urlProblem(value.trim());
  if (problem) throw new AdminError('base-url-invalid', `the admin API base URL from ${source} is unusable: ${problem}`, 'config');
  const url = new URL(value.trim());
  if (url.search || url.hash) throw new AdminError('base-url-invalid', `the admin API base URL from ${source} has a query or fragment; give just https://<host>${ADMIN_API_PATH}`, 'config');
  const path = url.pathname.replace(/\/+$/, '');
  return { url: `${url.origin}${path === '' ? ADMIN_API_PATH : path}`, source };
}
