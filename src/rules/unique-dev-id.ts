import { SOURCES } from '../catalog/sources';
import type { Rule } from './types';
import { modeledEnvironments } from './util/environments';

/** Each Terra environment is its own dev-id; two files on one dev-id overwrite each other's settings. */
export const uniqueDevId: Rule = {
  id: 'unique-dev-id',
  severity: 'error',
  description: 'Every environment has its own dev-id (Terra gives one per environment, each with its own API key); two files with one dev-id would fight over the same account.',
  source: SOURCES.usingTheApi,
  check(ctx) {
    const first = new Map<string, string>();
    for (const env of modeledEnvironments(ctx)) {
      const devId = env.model.terra.devId;
      const owner = first.get(devId);
      if (owner === undefined) {
        first.set(devId, env.file.path);
        continue;
      }
      ctx.report(env.file, {
        path: ['terra', 'devId'],
        message: `dev-id is the same as in ${owner}`,
        hint: 'each environment needs its own Terra dev-id; copy the right one from the Terra dashboard',
      });
    }
  },
};
