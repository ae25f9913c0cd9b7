import { TUNNEL_SOURCE } from '../catalog/terra-hosts';
import { SOURCES } from '../catalog/sources';
import type { Rule } from '../validate/rule-contract';
import { modeledEnvironments } from './util/environments';
import { classifyHost, parseHttpUrl } from './util/hosts';

/** Terra's servers must reach the receiver; a tunnel reaches a laptop that goes away. */
export const webhookPublicHost: Rule = {
  id: 'webhook-public-host',
  severity: 'error',
  description:
    'Outside the testing tier the webhook host must be public: no localhost, loopback, private (RFC 1918), link-local or .local/.internal names, and no tunnel hosts (ngrok, trycloudflare, localtunnel, ...). In testing they are reported as info.',
  source: `${TUNNEL_SOURCE}; ${SOURCES.webhooks}`,
  fix: 'Point the webhook at a public HTTPS receiver; local, private and tunnel hosts belong in testing-tier environments only.',
  check(ctx) {
    for (const env of modeledEnvironments(ctx)) {
      const url = env.model.webhook && parseHttpUrl(env.model.webhook.url);
      const found = url && classifyHost(url.hostname);
      if (!found) continue;
      const testing = env.tier === 'testing';
      const reach = found.concern === 'tunnel' ? 'only reach it while the tunnel is up' : 'cannot reach it';
      ctx.report(env.file, {
        path: ['webhook', 'url'],
        severity: testing ? 'info' : 'error',
        message: `webhook host ${url.hostname} is ${found.what}: ${testing ? 'allowed in the testing tier, but ' : ''}Terra's servers ${reach}`,
        hint: testing
          ? 'before promoting this environment, point the webhook at a stable public HTTPS receiver'
          : 'point the webhook at a stable public HTTPS receiver; keep tunnels and local receivers for the testing tier',
      });
    }
  },
};
