import { TERRA_API_BASE_URLS, TERRA_API_HOSTS_SOURCE } from '../catalog/terra-hosts';
import type { Rule } from '../validate/rule-contract';
import { modeledEnvironments, terraBaseUrlOf } from './util/environments';

/** Terra serves the data API from two hosts; anything else is a mock, a typo or a proxy worth a second look. */
export const apiBaseUrl: Rule = {
  id: 'api-base-url',
  severity: 'warning',
  description: `\`terra.apiBaseUrl\` should be one of Terra's two data API base URLs (${Object.values(TERRA_API_BASE_URLS).join(', ')}); anything else warns.`,
  source: TERRA_API_HOSTS_SOURCE,
  fix: `Use ${TERRA_API_BASE_URLS.current} (current dev-ids) or ${TERRA_API_BASE_URLS.legacy} (older dev-ids); a mock or proxy URL is fine in a testing-tier environment.`,
  check(ctx) {
    for (const env of modeledEnvironments(ctx)) {
      if (env.model.terra.apiBaseUrl === undefined || terraBaseUrlOf(env.model)) continue;
      ctx.report(env.file, {
        path: ['terra', 'apiBaseUrl'],
        message: 'apiBaseUrl is not one of Terra\'s data API base URLs',
        hint: `use ${TERRA_API_BASE_URLS.current} (current dev-ids) or ${TERRA_API_BASE_URLS.legacy} (older dev-ids); a mock or proxy is fine in testing`,
      });
    }
  },
};
