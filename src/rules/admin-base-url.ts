import { SOURCES } from '../catalog/sources';
import type { Rule } from '../validate/rule-contract';
import { modeledEnvironments } from './util/environments';
import { classifyHost, parseHttpUrl } from './util/hosts';

const ADMIN_PATH = '/api/v3/admin';

/** The admin token travels to this URL with every call: it must be HTTPS and point at the admin API itself. */
export const adminBaseUrl: Rule = {
  id: 'admin-base-url',
  severity: 'error',
  description: `\`terra.admin.baseUrl\` carries the admin token: it must use HTTPS (plain HTTP only to a loopback test server), and it should end in the admin API's path ${ADMIN_PATH} (a warning).`,
  source: `${SOURCES.adminApi}: servers, securitySchemes.adminToken`,
  fix: `Use \`https://\` (plain HTTP only for a loopback test server) and the whole admin base, ending in \`${ADMIN_PATH}\`; if the token went over plain HTTP, revoke it and create a new one.`,
  security: { score: 8.0, cwe: [319] },
  check(ctx) {
    for (const env of modeledEnvironments(ctx)) {
      const text = env.model.terra.admin?.baseUrl;
      const url = text === undefined ? undefined : parseHttpUrl(text);
      if (!url) continue;
      const path = ['terra', 'admin', 'baseUrl'];
      if (url.protocol === 'http:' && classifyHost(url.hostname)?.concern !== 'loopback') {
        ctx.report(env.file, {
          path,
          message: 'admin API base URL uses http://: the admin token would travel in clear text',
          hint: `use https://${url.host}${url.pathname.replace(/\/+$/, '')}`,
        });
      }
      if (!url.pathname.replace(/\/+$/, '').endsWith(ADMIN_PATH)) {
        ctx.report(env.file, {
          path,
          severity: 'warning',
          message: `admin API base URL does not end in ${ADMIN_PATH}, the path Terra's admin API is served under`,
          hint: `write the whole base, e.g. https://${url.host}${ADMIN_PATH}`,
        });
      }
    }
  },
};
