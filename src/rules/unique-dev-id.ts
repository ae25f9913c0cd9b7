import { SOURCES } from '../catalog/sources';
import type { Rule } from '../validate/rule-contract';
import { modeledEnvironments } from './util/environments';
import { forEachRepeat } from './util/repeats';

/** Each Terra environment is its own dev-id; two files on one dev-id overwrite each other's settings. */
export const uniqueDevId: Rule = {
  id: 'unique-dev-id',
  severity: 'error',
  description: 'Every environment has its own dev-id (Terra gives one per environment, each with its own API key); two files with one dev-id would fight over the same account.',
  source: SOURCES.usingTheApi,
  fix: 'Give each environment its own Terra dev-id; copy the right one from the Terra dashboard.',
  check(ctx) {
    forEachRepeat(
      modeledEnvironments(ctx),
      (env) => env.model.terra.devId,
      (env) => env.file.path,
      (env, owner) =>
        ctx.report(env.file, {
          path: ['terra', 'devId'],
          message: `dev-id is the same as in ${owner}`,
          hint: 'each environment needs its own Terra dev-id; copy the right one from the Terra dashboard',
        }),
    );
  },
};
