import { samsungRoute } from '../../src/rules/samsung-route';
import { environmentWith } from './fixtures';
import { ruleTester } from './rule-tester';

ruleTester(samsungRoute, {
  valid: [
    { name: 'the Health Connect route', files: { 'config/production.yaml': environmentWith('SAMSUNG: { route: health-connect }') } },
    { name: 'the default route', files: { 'config/production.yaml': environmentWith('SAMSUNG: {}') } },
    { name: 'the direct route, approved', files: { 'config/production.yaml': environmentWith('SAMSUNG: { route: direct, partnershipApproved: true }') } },
  ],
  invalid: [
    {
      name: 'the direct route without approval',
      files: { 'config/production.yaml': environmentWith('SAMSUNG:\n  route: direct\n  partnershipApproved: false') },
      errors: [{ ruleId: 'samsung-route', line: 12, column: 12 }],
    },
    {
      name: 'the direct route, approval not stated',
      files: { 'config/staging.yaml': environmentWith('SAMSUNG: { route: direct }') },
      errors: [{ ruleId: 'samsung-route', line: 11, column: 21 }],
    },
  ],
});
