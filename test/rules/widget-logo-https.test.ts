import { widgetLogoHttps } from '../../src/rules/widget-logo-https';
import { environmentWithBlock } from './data-fixtures';
import { ruleTester } from './rule-tester';

ruleTester(widgetLogoHttps, {
  valid: [
    { name: 'the baseline', files: {} },
    { name: 'an https logo', files: { 'config/staging.yaml': environmentWithBlock('widget:\n  name: Acme Connect\n  logoUrl: https://cdn.acme.example/logo.png') } },
    { name: 'a name only', files: { 'config/staging.yaml': environmentWithBlock('widget:\n  name: Acme Connect') } },
  ],
  invalid: [
    {
      name: 'an http logo',
      files: { 'config/staging.yaml': environmentWithBlock('widget:\n  logoUrl: http://cdn.acme.example/logo.png') },
      errors: [{ ruleId: 'widget-logo-https', line: 12, column: 12 }],
    },
  ],
});
