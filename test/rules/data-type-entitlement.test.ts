import { dataTypeEntitlement } from '../../src/rules/data-type-entitlement';
import { environmentWithBlock } from './data-fixtures';
import { ruleTester } from './rule-tester';

ruleTester(dataTypeEntitlement, {
  valid: [
    { name: 'the baseline', files: {} },
    { name: 'ungated types', files: { 'config/staging.yaml': environmentWithBlock('data:\n  types: [ACTIVITY, SLEEP]') } },
  ],
  invalid: [
    {
      name: 'HEALTH_OBSERVATION is noted at the token',
      files: { 'config/staging.yaml': environmentWithBlock('data:\n  types: [ACTIVITY, HEALTH_OBSERVATION]') },
      errors: [{ ruleId: 'data-type-entitlement', line: 12, column: 21, severity: 'info' }],
    },
  ],
});
