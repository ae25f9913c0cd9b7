import { SOURCES } from '../catalog/sources';
import type { Rule } from '../validate/rule-contract';
import { modeledEnvironments } from './util/environments';
import { parseHttpUrl } from './util/hosts';

/** Terra posts health data and signs it; over plain HTTP both are exposed on the way. */
export const webhookHttps: Rule = {
  id: 'webhook-https',
  severity: 'error',
  description: 'The webhook URL must use HTTPS: Terra\'s webhook destination takes an HTTPS URL, and health data must not travel in clear text.',
  source: SOURCES.webhooks,
  fix: 'Use an `https://` URL with a valid TLS certificate.',
  security: { score: 7.5, cwe: [319] },
  check(ctx) {
    for (const env of modeledEnvironments(ctx)) {
      const webhook = env.model.webhook;
      if (!webhook) continue;
      const url = parseHttpUrl(webhook.url);
      if (url?.protocol === 'http:') {
        ctx.report(env.file, {
          path: ['webhook', 'url'],
          message: 'webhook URL uses http://; Terra delivers webhooks to HTTPS URLs only',
          hint: `use https://${url.host}${url.pathname === '/' ? '' : url.pathname} with a valid TLS certificate`,
        });
      }
    }
  },
};
