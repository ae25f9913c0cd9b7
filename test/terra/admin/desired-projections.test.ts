import { describe, expect, it } from 'vitest';
import { desiredTerraState } from '../../../src/terra/admin/desired';
import { environmentWith } from '../../rules/fixtures';
import { yml } from '../../rules/yml';
import { modelOf } from './fixtures';

const G = 'https://www.googleapis.com/auth/';
const on = (provider: string, adminCode: string) => ({ provider, adminCode, enabled: true });
const noScopes = (provider: string, adminCode: string) => ({ provider, adminCode, scopes: [] });

describe('desiredTerraState projections', () => {
  it('maps the new admin fields: policy, base URL, webhook state and rotation, credential options', () => {
    const model = modelOf(yml`
      owners: [{ team: platform }]
      terra:
        devId: acme-staging-dev-id
        apiKey: { fromStackConfig: terraApiKey }
        admin: { baseUrl: https://admin.terra.example/api/v3/admin, undeclaredProviders: keep }
      webhook:
        url: https://hooks.acme.example/terra
        signingSecret: { fromEnv: SIGNING_SECRET }
        eventTypes: [sleep, activity, sleep]
        active: false
        signingSecretVersion: 3
      providers:
        GARMIN:
          scopes: [read:sleep, read:activity, read:sleep]
          dedicatedKeys:
            clientId: acme-garmin
            clientSecret: { fromEnv: GARMIN_SECRET }
            verificationSecret: { fromStackConfig: garminVerificationSecret }
            sandbox: false
            secretVersion: 0
        VIRTUAGYM:
          dedicatedKeys: { portalName: acme-portal, apiKey: { fromEnv: VIRTUAGYM_KEY }, sandbox: true }
      aws: { secretNamePrefix: acme/terra }
    `);
    const desired = desiredTerraState('staging', model);
    expect(desired.adminBaseUrl).toBe('https://admin.terra.example/api/v3/admin');
    expect(desired.undeclaredProviders).toBe('keep');
    expect(desired.webhook).toEqual({
      url: 'https://hooks.acme.example/terra',
      active: false,
      eventTypes: ['activity', 'sleep'],
      signingSecret: { fromEnv: 'SIGNING_SECRET' },
      signingSecretVersion: 3,
    });
    expect(desired.credentials).toEqual([
      {
        provider: 'GARMIN',
        adminCode: 'garmin',
        clientId: 'acme-garmin',
        clientSecret: { fromEnv: 'GARMIN_SECRET' },
        verificationSecret: { fromStackConfig: 'garminVerificationSecret' },
        sandbox: false,
        secretVersion: 0,
      },
      { provider: 'VIRTUAGYM', adminCode: 'virtuagym', clientId: 'acme-portal', clientSecret: { fromEnv: 'VIRTUAGYM_KEY' }, sandbox: true },
    ]);
    expect(desired.scopes).toEqual([
      { provider: 'GARMIN', adminCode: 'garmin', scopes: ['read:activity', 'read:sleep'] },
      noScopes('VIRTUAGYM', 'virtuagym'),
    ]);
  });

  it('keeps a disabled provider off and writes neither its keys nor its scopes', () => {
    const desired = desiredTerraState(
      'staging',
      modelOf(
        environmentWith(yml`
          GARMIN: {}
          STRAVA:
            enabled: false
            scopes: [activity:read_all]
            dedicatedKeys: { clientId: "1", clientSecret: { fromEnv: STRAVA_SECRET }, callbackDomain: access.tryterra.co }
        `),
      ),
    );
    expect(desired.sources).toEqual([on('GARMIN', 'garmin'), { provider: 'STRAVA', adminCode: 'strava', enabled: false }]);
    expect(desired.credentials).toEqual([]);
    expect(desired.scopes).toEqual([noScopes('GARMIN', 'garmin')]);
    expect(desired.notAppliable.map((n) => n.path)).toEqual(['providers.STRAVA', 'providers.STRAVA.dedicatedKeys.callbackDomain']);
    expect(desired.webhook).toBeUndefined();
  });

  it('takes Google\'s scopes in full form from `scopes` before `dedicatedKeys.scopes`, and an unknown code as lower case', () => {
    const google = (extra: string) =>
      desiredTerraState(
        'staging',
        modelOf(
          environmentWith(yml`
            NEWBAND: {}
            GOOGLE:
              ${extra}
              dedicatedKeys:
                clientId: 40211-staging.apps.googleusercontent.com
                clientSecret: { fromStackConfig: googleClientSecret }
                appVerification: in-review
                scopes: [userinfo.profile, calendar.settings.readonly]
          `),
        ),
      );
    const fromKeys = google('notes: keys only');
    expect(fromKeys.scopes.find((s) => s.provider === 'GOOGLE')!.scopes).toEqual([`${G}calendar.settings.readonly`, `${G}userinfo.profile`]);
    const fromScopes = google(`scopes: [fitness.sleep.read, "${G}fitness.sleep.read"]`);
    expect(fromScopes.scopes.find((s) => s.provider === 'GOOGLE')!.scopes).toEqual([`${G}fitness.sleep.read`]);
    expect(fromScopes.sources).toContainEqual(on('NEWBAND', 'newband'));
  });
});
