import { providerDedicatedKeys } from '../../src/rules/provider-dedicated-keys';
import { environmentWith } from './fixtures';
import { ruleTester } from './rule-tester';
import { yml } from './yml';

ruleTester(providerDedicatedKeys, {
  valid: [
    { name: 'managed providers on Terra\'s keys', files: {} },
    {
      name: 'a required provider with keys, and one that is disabled',
      files: {
        'config/staging.yaml': environmentWith(yml`
          STRAVA:
            dedicatedKeys:
              clientId: "118024"
              clientSecret: { fromStackConfig: stravaClientSecret }
              callbackDomain: access.tryterra.co
          INBODY: { enabled: false }
        `),
      },
    },
    {
      name: 'dedicated keys on a managed provider',
      files: {
        'config/staging.yaml': environmentWith(yml`
          FITBIT:
            dedicatedKeys:
              clientId: 23ABCD
              clientSecret: { fromEnv: FITBIT_CLIENT_SECRET_STAGING }
        `),
      },
    },
  ],
  invalid: [
    {
      name: 'required providers without keys',
      files: {
        'config/production.yaml': environmentWith(yml`
          STRAVA: {}
          HUAWEI: {}
          DEXCOM_EU: {}
        `),
      },
      errors: [
        { ruleId: 'provider-dedicated-keys', line: 11, column: 3 },
        { ruleId: 'provider-dedicated-keys', line: 12, column: 3 },
        { ruleId: 'provider-dedicated-keys', line: 13, column: 3 },
      ],
    },
    {
      name: 'required but UNCONFIRMED only warns',
      files: { 'config/production.yaml': environmentWith('VIRTUAGYM: {}\nDEXCOM: {}') },
      errors: [
        { ruleId: 'provider-dedicated-keys', line: 11, column: 3, severity: 'warning' },
        { ruleId: 'provider-dedicated-keys', line: 12, column: 3, severity: 'warning' },
      ],
    },
    {
      name: 'keys on a provider whose credentials are not applicable, even when disabled',
      files: {
        'config/testing.yaml': environmentWith(yml`
          APPLE:
            enabled: false
            dedicatedKeys:
              clientId: com.acme.health
              clientSecret: { fromEnv: APPLE_SECRET }
        `),
      },
      errors: [{ ruleId: 'provider-dedicated-keys', line: 13, column: 5 }],
    },
    {
      name: 'partnership providers with keys are noted',
      files: {
        'config/staging.yaml': environmentWith(yml`
          INBODY:
            dedicatedKeys:
              clientId: acme-inbody
              clientSecret: { fromStackConfig: inbodyClientSecret }
        `),
      },
      errors: [{ ruleId: 'provider-dedicated-keys', line: 12, column: 5, severity: 'info' }],
    },
  ],
});
