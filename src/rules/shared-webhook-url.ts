import { SOURCES } from '../catalog/sources';
import type { Rule } from '../validate/rule-contract';
import { modeledEnvironments } from './util/environments';
import { forEachRepeat } from './util/repeats';

const normalize = (url: string) => url.trim().replace(/\/+$/, '').replace(/^([a-z]+:\/\/[^/]+)/i, (origin) => origin.toLowerCase());

/** Terra signs each environment's events with its own secret; one receiver then rejects the others' events. */
export const sharedWebhookUrl: Rule = {
  id: 'shared-webhook-url',
  severity: 'warning',
  description:
    'One webhook URL shared by several environments warns: Terra signs each environment with a different secret, so a receiver holding one secret rejects the others\' events.',
  source: SOURCES.signatureMismatch,
  fix: 'Give each environment its own receiver URL (a path per environment, say), or make the receiver verify against every environment\'s signing secret.',
  check(ctx) {
    forEachRepeat(
      modeledEnvironments(ctx),
      (env) => (env.model.webhook ? normalize(env.model.webhook.url) : undefined),
      (env) => env.file.path,
      (env, owner) =>
        ctx.report(env.file, {
          path: ['webhook', 'url'],
          message: `webhook URL is the same as in ${owner}, but Terra signs each environment with a different secret`,
          hint: 'give each environment its own receiver URL (e.g. a path per environment), or verify against every environment\'s secret',
        }),
    );
  },
};
