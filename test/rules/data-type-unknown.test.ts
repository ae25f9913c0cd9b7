import { describe, expect, it } from 'vitest';
import { dataTypeUnknown } from '../../src/rules/data-type-unknown';
import { environmentWithBlock } from './data-fixtures';
import { ruleTester, runCase } from './rule-tester';
import { yml } from './yml';

ruleTester(dataTypeUnknown, {
  valid: [
    { name: 'the baseline', files: {} },
    {
      name: 'documented tokens and field keys, ATHLETE included',
      files: {
        'config/staging.yaml': environmentWithBlock(yml`
          data:
            types: [ACTIVITY, BODY, DAILY, SLEEP, NUTRITION, MENSTRUATION, ATHLETE]
            samples: true
            fields: { activity: [steps, distance_metres], sleep: [duration] }
        `),
      },
    },
    { name: 'an empty selection (only ATHLETE)', files: { 'config/staging.yaml': environmentWithBlock('data:\n  types: []') } },
  ],
  invalid: [
    {
      name: 'a typo, a lower-case token and SAMPLES as a type',
      files: {
        'config/staging.yaml': environmentWithBlock(yml`
          data:
            types: [ACTIVTY, sleep, SAMPLES]
        `),
      },
      errors: [
        { ruleId: 'data-type-unknown', line: 12, column: 11 },
        { ruleId: 'data-type-unknown', line: 12, column: 20 },
        { ruleId: 'data-type-unknown', line: 12, column: 27 },
      ],
    },
    {
      name: 'field keys: upper case and a typo, at the key',
      files: {
        'config/production.yaml': environmentWithBlock(yml`
          data:
            types: [ACTIVITY, DAILY]
            fields:
              ACTIVITY: [steps]
              daly: [steps]
        `),
      },
      errors: [
        { ruleId: 'data-type-unknown', line: 14, column: 5 },
        { ruleId: 'data-type-unknown', line: 15, column: 5 },
      ],
    },
  ],
});

describe('data-type-unknown hints', () => {
  it('suggests the closest token, says SAMPLES is the flag, and lists the tokens for nonsense', () => {
    const block = yml`
      data:
        types: [ACTIVTY, sleep, SAMPLES, ZZZZZZZZZZ]
        fields: { ACTIVITY: [steps], daly: [steps] }
    `;
    const { diagnostics } = runCase({ name: 'hints', files: { 'config/staging.yaml': environmentWithBlock(block) } }, [dataTypeUnknown]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'unknown data type `ACTIVTY`',
      'unknown data type `sleep`',
      'SAMPLES is the samples flag, not a data type',
      'unknown data type `ZZZZZZZZZZ`',
      'unknown data type `ACTIVITY` in data.fields',
      'unknown data type `daly` in data.fields',
    ]);
    expect(diagnostics.map((d) => d.hint)).toEqual([
      'did you mean `ACTIVITY`? (tokens are upper case)',
      'did you mean `SLEEP`? (tokens are upper case)',
      'remove it from data.types and write `samples: true` under data',
      expect.stringContaining('use one of ACTIVITY, ATHLETE, BODY'),
      expect.stringContaining('did you mean `activity`?'),
      expect.stringContaining('did you mean `daily`?'),
    ]);
  });
});
