import { isProviderEnabled } from '../model/enabled-providers';
import { SOURCES } from '../catalog/sources';
import type { Rule } from '../validate/rule-contract';
import { modeledEnvironments } from './util/environments';

/** Samsung's privileged SDK route is gated by Samsung itself; without approval no data arrives. */
export const samsungRoute: Rule = {
  id: 'samsung-route',
  severity: 'error',
  description: 'The direct Samsung Health route (Samsung\'s privileged SDK) needs Samsung\'s partnership approval (`partnershipApproved: true`); otherwise use the Health Connect route.',
  source: `${SOURCES.funFacts}; ${SOURCES.october2025}`,
  fix: 'Apply for Samsung\'s partnership (mention Terra) and set `partnershipApproved: true` once approved, or use `route: health-connect`.',
  check(ctx) {
    for (const env of modeledEnvironments(ctx)) {
      const samsung = env.model.providers.SAMSUNG;
      if (!samsung || !isProviderEnabled(samsung) || samsung.route !== 'direct' || samsung.partnershipApproved === true) continue;
      ctx.report(env.file, {
        path: ['providers', 'SAMSUNG', 'route'],
        message: 'the direct Samsung route needs Samsung\'s partnership approval, and `partnershipApproved` is not true',
        hint: 'apply with Samsung (mention Terra) and set `partnershipApproved: true` once approved, or use `route: health-connect`',
      });
    }
  },
};
