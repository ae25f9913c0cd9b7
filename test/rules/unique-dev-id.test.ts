import { uniqueDevId } from '../../src/rules/unique-dev-id';
import { environmentWith } from './fixtures';
import { ruleTester } from './rule-tester';

ruleTester(uniqueDevId, {
  valid: [
    { name: 'one dev-id per environment', files: {} },
    { name: 'a fourth environment with its own dev-id', files: { 'config/qa.yaml': environmentWith('GARMIN: {}', { tier: 'staging', devId: 'acme-qa-dev-id' }) } },
  ],
  invalid: [
    {
      name: 'staging and production on one dev-id',
      files: { 'config/staging.yaml': environmentWith('GARMIN: {}', { devId: 'acme-production-dev-id' }) },
      errors: [{ ruleId: 'unique-dev-id', line: 5, column: 10 }],
    },
    {
      name: 'testing and staging on one dev-id (the later file is flagged)',
      files: {
        'config/testing.yaml': environmentWith('GARMIN: {}', { devId: 'acme-shared-dev-id' }),
        'config/staging.yaml': environmentWith('GARMIN: {}', { devId: 'acme-shared-dev-id' }),
      },
      errors: [{ ruleId: 'unique-dev-id', file: 'config/testing.yaml', line: 5, column: 10 }],
    },
  ],
});
