import { DATA_TYPES_SOURCE } from '../catalog/data-types';
import type { Rule } from '../validate/rule-contract';
import { modeledEnvironments } from './util/environments';

/**
 * The fields of a data type only matter while the type is selected: `putUnifiedApiScopes` sets which types
 * are collected and deselects the rest, `patchUnifiedApiScopes` the fields within one.
 */
export const dataFieldsUnselected: Rule = {
  id: 'data-fields-unselected',
  severity: 'warning',
  description: 'A field selection under data.fields for a data type that data.types does not select has no effect: Terra collects nothing of that type.',
  source: DATA_TYPES_SOURCE,
  fix: 'Add the data type to `data.types`, or remove its entry from `data.fields`.',
  check(ctx) {
    for (const env of modeledEnvironments(ctx)) {
      const data = env.model.data;
      if (!data?.types || !data.fields) continue;
      const selected = new Set(['athlete', ...data.types.map((t) => t.toLowerCase())]);
      for (const key of Object.keys(data.fields)) {
        if (selected.has(key)) continue;
        ctx.report(env.file, {
          path: ['data', 'fields', key],
          target: 'key',
          message: `fields are selected for ${key}, but data.types does not select ${key.toUpperCase()}`,
          hint: `add ${key.toUpperCase()} to data.types, or remove data.fields.${key}`,
        });
      }
    }
  },
};
