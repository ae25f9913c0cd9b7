import { tierRequired } from '../../src/rules/tier-required';
import { environmentWith } from './fixtures';
import { ruleTester } from './rule-tester';

ruleTester(tierRequired, {
  valid: [
    { name: 'the three standard names', files: {} },
    { name: 'a custom name with a tier', files: { 'config/eu-prod.yaml': environmentWith('GARMIN: {}', { tier: 'production' }) } },
  ],
  invalid: [
    {
      name: 'a custom name without a tier',
      files: { 'config/eu-prod.yaml': environmentWith('GARMIN: {}') },
      errors: [{ ruleId: 'tier-required', line: 2, column: 1 }],
    },
    {
      name: 'a file whose schema fails is left to the schema stage',
      files: { 'config/sandbox.yaml': 'owners: []\n' },
      errors: [
        { ruleId: 'schema-required', line: 1, column: 1 },
        { ruleId: 'schema-required', line: 1, column: 1 },
        { ruleId: 'schema-required', line: 1, column: 1 },
        { ruleId: 'schema-value', line: 1, column: 9 },
      ],
    },
  ],
});
