import { freestylelibreRegions } from '../../src/rules/freestylelibre-regions';
import { environmentWith } from './fixtures';
import { ruleTester } from './rule-tester';
import { yml } from './yml';

ruleTester(freestylelibreRegions, {
  valid: [
    { name: 'regions without practice requirements', files: { 'config/staging.yaml': environmentWith('FREESTYLELIBRE: { regions: [GB, IE, US] }') } },
    { name: 'no regions declared', files: { 'config/staging.yaml': environmentWith('FREESTYLELIBRE: {}') } },
    {
      name: 'Germany with a practice id',
      files: {
        'config/staging.yaml': environmentWith(yml`
          FREESTYLELIBRE:
            regions: [GB, DE]
            practiceId: DE-PRAXIS-0042
        `),
      },
    },
    { name: 'disabled', files: { 'config/staging.yaml': environmentWith('FREESTYLELIBRE: { enabled: false, regions: [FR] }') } },
  ],
  invalid: [
    {
      name: 'Germany, Austria and France without a practice id',
      files: {
        'config/production.yaml': environmentWith(yml`
          FREESTYLELIBRE:
            regions:
              - GB
              - DE
              - AT
              - FR
        `),
      },
      errors: [
        { ruleId: 'freestylelibre-regions', line: 14, column: 9 },
        { ruleId: 'freestylelibre-regions', line: 15, column: 9 },
        { ruleId: 'freestylelibre-regions', line: 16, column: 9 },
      ],
    },
  ],
});
