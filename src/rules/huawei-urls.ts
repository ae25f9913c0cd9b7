import { SOURCES } from '../catalog/sources';
import { TERRA_API_BASE_URLS } from '../catalog/terra-hosts';
import type { HuaweiDedicatedKeys } from '../model/dedicated-keys';
import type { Rule } from '../validate/rule-contract';
import { modeledEnvironments, terraBaseUrlOf } from './util/environments';

type UrlField = 'redirectUrl' | 'appAccessUrl' | 'healthKitCallbackUrl';

/** Terra's documented Huawei URLs on one API base URL (SOURCES.huaweiByo documents the old host; the new host sits alongside). */
function documentedUrls(baseUrl: string): Record<UrlField, string> {
  return {
    redirectUrl: `${baseUrl}/auth/huawei/oauth2`,
    appAccessUrl: `${new URL(baseUrl).origin}/`,
    healthKitCallbackUrl: `${baseUrl}/hooks/huawei/healthkit/notifications`,
  };
}

const normalize = (url: string) => url.trim().replace(/\/+$/, '').toLowerCase();

const FIELDS: UrlField[] = ['redirectUrl', 'appAccessUrl', 'healthKitCallbackUrl'];

/** Huawei's console must hold exactly Terra's URLs, on the dev-id's API host, or OAuth and Health Kit pushes fail. */
export const huaweiUrls: Rule = {
  id: 'huawei-urls',
  severity: 'error',
  description:
    'Huawei\'s redirect URL, app access URL and Health Kit callback must be Terra\'s documented URLs (…/auth/huawei/oauth2, the API host, …/hooks/huawei/healthkit/notifications); a URL on the other Terra host than the environment uses warns.',
  source: SOURCES.huaweiByo,
  fix: 'Use the URL the message names (Terra\'s documented one for the API host the environment uses), and register exactly the same URL in the Huawei developer console.',
  check(ctx) {
    const byHost = Object.values(TERRA_API_BASE_URLS).map(documentedUrls);
    for (const env of modeledEnvironments(ctx)) {
      const keys = env.model.providers.HUAWEI?.dedicatedKeys as HuaweiDedicatedKeys | undefined;
      if (!keys) continue;
      const base = terraBaseUrlOf(env.model);
      const expected = base ? documentedUrls(base) : undefined;
      for (const field of FIELDS) {
        const value = normalize(keys[field]);
        const path = ['providers', 'HUAWEI', 'dedicatedKeys', field];
        if (expected && value === normalize(expected[field])) continue;
        const onOtherHost = byHost.some((urls) => normalize(urls[field]) === value);
        if (onOtherHost && !expected) continue;
        ctx.report(env.file, {
          path,
          severity: onOtherHost ? 'warning' : 'error',
          message: onOtherHost
            ? `Huawei ${field} is on a different Terra host than this environment's API base URL`
            : `Huawei ${field} is not Terra's documented URL`,
          hint: `use ${expected ? expected[field] : byHost.map((urls) => urls[field]).join(' or ')}, and register exactly the same URL in the Huawei console`,
        });
      }
    }
  },
};
