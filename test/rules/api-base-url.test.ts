import { apiBaseUrl } from '../../src/rules/api-base-url';
import { environmentWith } from './fixtures';
import { ruleTester } from './rule-tester';

ruleTester(apiBaseUrl, {
  valid: [
    { name: 'the current host', files: {} },
    { name: 'the legacy host with a trailing slash', files: { 'config/staging.yaml': environmentWith('GARMIN: {}', { apiBaseUrl: 'https://api.tryterra.co/v2/' }) } },
    { name: 'the default (no apiBaseUrl)', files: { 'config/staging.yaml': environmentWith('GARMIN: {}', { apiBaseUrl: null }) } },
  ],
  invalid: [
    {
      name: 'a mock server',
      files: { 'config/testing.yaml': environmentWith('GARMIN: {}', { apiBaseUrl: 'http://127.0.0.1:4010/v2' }) },
      errors: [{ ruleId: 'api-base-url', line: 6, column: 15 }],
    },
    {
      name: 'the right host with the wrong path',
      files: { 'config/production.yaml': environmentWith('GARMIN: {}', { apiBaseUrl: 'https://access.tryterra.co/v2' }) },
      errors: [{ ruleId: 'api-base-url', line: 6, column: 15 }],
    },
  ],
});
