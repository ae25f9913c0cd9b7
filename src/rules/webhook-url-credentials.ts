import { SOURCES } from '../catalog/sources';
import type { Rule } from '../validate/rule-contract';
import { modeledEnvironments } from './util/environments';
import { urlCredentials } from './util/url-credentials';

const RFC3986_USERINFO = 'https://www.rfc-editor.org/rfc/rfc3986#section-3.2.1';
const OWASP_QUERY_STRINGS = 'https://owasp.org/www-community/vulnerabilities/Information_exposure_through_query_strings_in_url';

/**
 * A password or token inside the webhook URL travels with every copy of the URL: in git, in Terra's
 * dashboard, in proxy and receiver logs. Terra authenticates its deliveries with the signing secret instead.
 * The finding is sensitive, so no output prints the URL's text; the message names only what kind of part it is.
 */
export const webhookUrlCredentials: Rule = {
  id: 'webhook-url-credentials',
  severity: 'error',
  description:
    'The webhook URL must not carry credentials: no `user:password@` part (deprecated by RFC 3986) and no secret-shaped query values (tokens in URLs end up in logs). Receivers verify Terra\'s signature with the signing secret instead. The URL is never printed.',
  source: `${RFC3986_USERINFO}; ${OWASP_QUERY_STRINGS}; ${SOURCES.webhooks}`,
  fix: 'Remove the `user:password@` part and secret query values from the URL (receivers verify Terra\'s signature with the signing secret instead); treat the exposed credential as leaked and rotate it.',
  security: { score: 7.5, cwe: [798, 598] },
  check(ctx) {
    for (const env of modeledEnvironments(ctx)) {
      const url = env.model.webhook?.url;
      const found = url === undefined ? undefined : urlCredentials(url);
      if (!found) continue;
      const parts = [
        ...(found.userinfo ? ['a user name or password before the host'] : []),
        ...(found.secretParams.length ? [`a secret-shaped value in the query (${found.secretParams.length === 1 ? 'one parameter' : `${found.secretParams.length} parameters`})`] : []),
      ];
      ctx.report(env.file, {
        path: ['webhook', 'url'],
        message: `webhook URL carries credentials: ${parts.join(' and ')}`,
        hint:
          'remove them from the URL and verify the terra-signature header with the signing secret (webhook.signingSecret) instead; ' +
          'treat the exposed values as leaked and rotate them',
        sensitive: true,
      });
    }
  },
};
