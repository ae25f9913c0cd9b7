import { SOURCES } from '../catalog/sources';
import { collectSecretRefs } from '../model/secret-refs';
import type { Rule } from '../validate/rule-contract';
import { modeledEnvironments } from './util/environments';
import { forEachRepeat } from './util/repeats';

/**
 * Terra keys are not interchangeable between environments. Stack config keys are per stack, so sharing a
 * `fromStackConfig` name is fine; one environment variable would hand the same value to several environments.
 */
export const uniqueSecretRefs: Rule = {
  id: 'unique-secret-refs',
  severity: 'error',
  description: 'Two environments must not read a secret from the same environment variable (`fromEnv`): each environment has its own keys and they are not interchangeable.',
  source: SOURCES.usingTheApi,
  fix: 'Read each environment\'s secret from a variable of its own, e.g. `TERRA_API_KEY_STAGING` and `TERRA_API_KEY_PRODUCTION`.',
  security: { score: 5.0, cwe: [] },
  check(ctx) {
    const references = modeledEnvironments(ctx).flatMap((env) =>
      collectSecretRefs(env.model).flatMap((found) => ('fromEnv' in found.ref ? [{ env, path: found.path, variable: found.ref.fromEnv }] : [])),
    );
    forEachRepeat(
      references,
      (r) => r.variable,
      (r) => r.env.file.path,
      ({ env, path, variable }, owner) =>
        ctx.report(env.file, {
          path: [...path, 'fromEnv'],
          message: `environment variable ${variable} is also used by ${owner}`,
          hint: `use a variable of this environment's own, e.g. ${variable}_${env.name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`,
        }),
    );
  },
};
