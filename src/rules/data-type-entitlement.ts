import { DATA_TYPE_FACTS } from '../catalog/data-types';
import type { Rule } from '../validate/rule-contract';
import { modeledEnvironments } from './util/environments';

const GATED = DATA_TYPE_FACTS.filter((f) => f.entitlement !== undefined);

/**
 * A data type behind an account entitlement is refused (403 access_denied) where the account lacks it. The
 * entitlement cannot be seen from config/, so this is a note for the reviewer, not a warning.
 */
export const dataTypeEntitlement: Rule = {
  id: 'data-type-entitlement',
  severity: 'info',
  description: `Data types Terra gates behind an account entitlement (${GATED.map((f) => `${f.token}: ${f.entitlement}`).join(', ')}) are noted: apply is refused with 403 access_denied without it.`,
  source: GATED.map((f) => f.source).join('; '),
  fix: 'Have Terra enable the entitlement on the account before applying, or leave the data type out of `data.types`.',
  check(ctx) {
    for (const env of modeledEnvironments(ctx)) {
      (env.model.data?.types ?? []).forEach((token, i) => {
        const gated = GATED.find((f) => f.token === token);
        if (!gated) return;
        ctx.report(env.file, {
          path: ['data', 'types', i],
          message: `${token} needs the ${gated.entitlement} entitlement on the Terra account`,
          hint: `without it Terra refuses the data-type selection with 403 access_denied; ask Terra to enable ${gated.entitlement} before applying`,
        });
      });
    }
  },
};
