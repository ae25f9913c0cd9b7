import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/load/parse-yaml';
import { collectSecretRefs, fullStackKey, isSecretRef, PROJECT_NAMESPACE } from '../../src/model/secret-refs';

const ENV = parseYaml(
  [
    'owners: [{ team: platform }]',
    'terra:',
    '  devId: acme-01',
    '  apiKey: { fromStackConfig: terraApiKey }',
    'webhook:',
    '  url: https://hooks.acme.example/terra',
    '  signingSecret: { fromEnv: TERRA_WEBHOOK_SECRET }',
    'providers:',
    '  GARMIN: {}',
    '  STRAVA:',
    '    dedicatedKeys:',
    '      clientId: "118023"',
    '      clientSecret: { fromStackConfig: "terra-iac:stravaClientSecret" }',
    '      callbackDomain: access.tryterra.co',
    '  VIRTUAGYM:',
    '    dedicatedKeys: { portalName: acme, apiKey: { fromEnv: VIRTUAGYM_KEY } }',
    'aws:',
    '  secretNamePrefix: acme/terra',
    '',
  ].join('\n'),
).data;

describe('collectSecretRefs', () => {
  it('finds every reference in document order, with its path, purpose and provider', () => {
    expect(collectSecretRefs(ENV)).toEqual([
      { ref: { fromStackConfig: 'terraApiKey' }, path: ['terra', 'apiKey'], purpose: 'terra-api-key', provider: undefined },
      { ref: { fromEnv: 'TERRA_WEBHOOK_SECRET' }, path: ['webhook', 'signingSecret'], purpose: 'webhook-signing-secret', provider: undefined },
      {
        ref: { fromStackConfig: 'terra-iac:stravaClientSecret' },
        path: ['providers', 'STRAVA', 'dedicatedKeys', 'clientSecret'],
        purpose: 'strava-client-secret',
        provider: 'STRAVA',
      },
      { ref: { fromEnv: 'VIRTUAGYM_KEY' }, path: ['providers', 'VIRTUAGYM', 'dedicatedKeys', 'apiKey'], purpose: 'virtuagym-api-key', provider: 'VIRTUAGYM' },
    ]);
  });

  it('finds nothing where there are no references', () => {
    expect(collectSecretRefs({ providers: { GARMIN: {} }, links: ['https://a.example'] })).toEqual([]);
    expect(collectSecretRefs(null)).toEqual([]);
  });

  it('finds references inside lists', () => {
    expect(collectSecretRefs({ extra: [{ token: { fromEnv: 'A' } }] })).toEqual([
      { ref: { fromEnv: 'A' }, path: ['extra', 0, 'token'], purpose: 'extra-token', provider: undefined },
    ]);
  });
});

describe('isSecretRef', () => {
  it('accepts exactly one of fromStackConfig / fromEnv', () => {
    expect(isSecretRef({ fromStackConfig: 'k' })).toBe(true);
    expect(isSecretRef({ fromEnv: 'K' })).toBe(true);
    for (const value of [null, 'k', ['fromEnv'], {}, { fromEnv: 'K', fromStackConfig: 'k' }, { secure: 'v1:a:b' }, { fromenv: 'K' }]) {
      expect(isSecretRef(value), JSON.stringify(value)).toBe(false);
    }
  });
});

describe('fullStackKey', () => {
  it('puts a bare name in the project namespace and leaves a namespaced key alone', () => {
    expect(PROJECT_NAMESPACE).toBe('terra-iac');
    expect(fullStackKey('terraApiKey')).toBe('terra-iac:terraApiKey');
    expect(fullStackKey('terra-iac:terraApiKey')).toBe('terra-iac:terraApiKey');
    expect(fullStackKey('aws:region')).toBe('aws:region');
  });
});
