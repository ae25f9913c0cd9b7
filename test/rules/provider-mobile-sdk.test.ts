import { providerMobileSdk } from '../../src/rules/provider-mobile-sdk';
import { environmentWith } from './fixtures';
import { ruleTester } from './rule-tester';
import { yml } from './yml';

ruleTester(providerMobileSdk, {
  valid: [
    { name: 'web providers only', files: {} },
    { name: 'a mobile-SDK provider that is disabled', files: { 'config/testing.yaml': environmentWith('APPLE: { enabled: false }') } },
  ],
  invalid: [
    {
      name: 'Apple Health, Samsung Health and Google Fit (Android SDK)',
      files: {
        'config/testing.yaml': environmentWith(yml`
          GARMIN: {}
          APPLE: {}
          SAMSUNG: { route: health-connect }
          GOOGLEFIT: {}
        `),
      },
      errors: [
        { ruleId: 'provider-mobile-sdk', line: 12, column: 3 },
        { ruleId: 'provider-mobile-sdk', line: 13, column: 3 },
        { ruleId: 'provider-mobile-sdk', line: 14, column: 3 },
      ],
    },
  ],
});
