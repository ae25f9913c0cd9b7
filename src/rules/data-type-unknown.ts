import { DATA_TYPES_SOURCE, DATA_TYPE_TOKENS, SAMPLES_TOKEN } from '../catalog/data-types';
import { didYouMean } from '../core/did-you-mean';
import type { Rule } from '../validate/rule-contract';
import { modeledEnvironments } from './util/environments';

const FIELD_KEYS = DATA_TYPE_TOKENS.map((t) => t.toLowerCase());

/** Terra answers an unrecognised data-type token with 400 (putUnifiedApiScopes): catch the typo in review. */
export const dataTypeUnknown: Rule = {
  id: 'data-type-unknown',
  severity: 'error',
  description:
    'data.types holds Terra\'s upper-case data-type tokens and data.fields is keyed by the lower-case data type; anything else gets a did-you-mean (SAMPLES is data.samples, not a type).',
  source: DATA_TYPES_SOURCE,
  fix: 'Write the data type\'s upper-case token in `data.types` (ACTIVITY, BODY, DAILY, SLEEP, ...) and key `data.fields` by the lower-case type; put SAMPLES as `data.samples: true`.',
  check(ctx) {
    for (const env of modeledEnvironments(ctx)) {
      const data = env.model.data;
      if (!data) continue;
      (data.types ?? []).forEach((token, i) => {
        if (DATA_TYPE_TOKENS.includes(token)) return;
        const path = ['data', 'types', i];
        if (token.toUpperCase() === SAMPLES_TOKEN) {
          ctx.report(env.file, { path, message: 'SAMPLES is the samples flag, not a data type', hint: 'remove it from data.types and write `samples: true` under data' });
          return;
        }
        const suggestion = didYouMean(token, DATA_TYPE_TOKENS);
        ctx.report(env.file, {
          path,
          message: `unknown data type \`${token}\``,
          hint: suggestion ? `did you mean \`${suggestion}\`? (tokens are upper case)` : `use one of ${DATA_TYPE_TOKENS.join(', ')}`,
        });
      });
      for (const key of Object.keys(data.fields ?? {})) {
        if (FIELD_KEYS.includes(key)) continue;
        const suggestion = didYouMean(key, FIELD_KEYS);
        ctx.report(env.file, {
          path: ['data', 'fields', key],
          target: 'key',
          message: `unknown data type \`${key}\` in data.fields`,
          hint: suggestion ? `did you mean \`${suggestion}\`? (field selections are keyed by the lower-case data type)` : `key it by one of ${FIELD_KEYS.join(', ')}`,
        });
      }
    }
  },
};
