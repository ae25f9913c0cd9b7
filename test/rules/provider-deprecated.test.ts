import { providerDeprecated } from '../../src/rules/provider-deprecated';
import { environmentWith } from './fixtures';
import { ruleTester } from './rule-tester';

ruleTester(providerDeprecated, {
  valid: [
    { name: 'the baseline', files: {} },
    { name: 'a deprecated provider kept but disabled', files: { 'config/staging.yaml': environmentWith('RENPHO: { enabled: false }') } },
  ],
  invalid: [
    {
      name: 'RENPHO enabled',
      files: { 'config/staging.yaml': environmentWith('GARMIN: {}\nRENPHO: {}') },
      errors: [{ ruleId: 'provider-deprecated', line: 12, column: 3 }],
    },
  ],
});
