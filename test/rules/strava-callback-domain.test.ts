import { stravaCallbackDomain } from '../../src/rules/strava-callback-domain';
import { environmentWith, type HeaderOptions } from './fixtures';
import { ruleTester } from './rule-tester';
import { yml } from './yml';

const strava = (domain: string, header: HeaderOptions = {}) =>
  environmentWith(
    yml`
      STRAVA:
        dedicatedKeys:
          clientId: "118024"
          clientSecret: { fromStackConfig: stravaClientSecret }
          callbackDomain: ${domain}
    `,
    header,
  );

ruleTester(stravaCallbackDomain, {
  valid: [
    { name: 'current host on both sides', files: { 'config/staging.yaml': strava('access.tryterra.co') } },
    { name: 'older dev-id on the default host', files: { 'config/staging.yaml': strava('api.tryterra.co', { apiBaseUrl: null }) } },
    { name: 'older dev-id, explicit legacy base URL', files: { 'config/staging.yaml': strava('api.tryterra.co', { apiBaseUrl: 'https://api.tryterra.co/v2/' }) } },
    { name: 'a mock API host is not judged', files: { 'config/testing.yaml': strava('api.tryterra.co', { apiBaseUrl: 'http://127.0.0.1:4010/v2' }) } },
  ],
  invalid: [
    {
      name: 'legacy callback domain with the current API host',
      files: { 'config/staging.yaml': strava('api.tryterra.co') },
      errors: [{ ruleId: 'strava-callback-domain', line: 15, column: 23 }],
    },
    {
      name: 'current callback domain on the default (legacy) host',
      files: { 'config/production.yaml': strava('access.tryterra.co', { apiBaseUrl: null }) },
      errors: [{ ruleId: 'strava-callback-domain', line: 15, column: 23 }],
    },
  ],
});
