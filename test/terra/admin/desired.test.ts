import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/project';
import { desiredTerraState, type DesiredTerraState } from '../../../src/terra/admin/desired';

const ROOT = join(__dirname, '..', '..', '..');
const G = 'https://www.googleapis.com/auth/';

function shipped(name: string): DesiredTerraState {
  const project = loadProject({ root: ROOT, envs: [name] });
  const env = project.environments.find((e) => e.name === name)!;
  expect(project.summary.errors, `config/${name}.yaml validates`).toBe(0);
  return desiredTerraState(name, env.model!);
}

const on = (provider: string, adminCode: string) => ({ provider, adminCode, enabled: true });
const noScopes = (provider: string, adminCode: string) => ({ provider, adminCode, scopes: [] });

const NA = {
  strava: { path: 'providers.STRAVA.dedicatedKeys.callbackDomain', reason: expect.stringContaining('Strava app') },
  google: { path: 'providers.GOOGLE.dedicatedKeys.appVerification', reason: expect.stringContaining('Google') },
  huaweiAccess: { path: 'providers.HUAWEI.dedicatedKeys.appAccessUrl', reason: expect.stringContaining('Huawei developer console') },
  huaweiCallback: { path: 'providers.HUAWEI.dedicatedKeys.healthKitCallbackUrl', reason: expect.stringContaining('Huawei developer console') },
  libreRegions: { path: 'providers.FREESTYLELIBRE.regions', reason: expect.stringContaining('Terra support') },
  librePractice: { path: 'providers.FREESTYLELIBRE.practiceId', reason: expect.stringContaining('Terra support') },
  apple: { path: 'providers.APPLE', reason: expect.stringContaining('mobile-SDK provider') },
  samsung: { path: 'providers.SAMSUNG', reason: expect.stringContaining('mobile-SDK provider') },
  samsungRoute: { path: 'providers.SAMSUNG.route', reason: expect.stringContaining('SDK set-up') },
  samsungPartnership: { path: 'providers.SAMSUNG.partnershipApproved', reason: expect.stringContaining('agreed with Samsung') },
};

describe('desiredTerraState of the shipped environments (golden)', () => {
  it('testing', () => {
    expect(shipped('testing')).toEqual({
      environment: 'testing',
      devId: 'acme-health-testing-Q7mK2p',
      undeclaredProviders: 'disable',
      declared: ['apple', 'fitbit', 'garmin', 'google', 'oura', 'polar', 'samsung', 'strava'],
      sources: [on('FITBIT', 'fitbit'), on('GARMIN', 'garmin'), on('GOOGLE', 'google'), on('OURA', 'oura'), on('POLAR', 'polar'), on('STRAVA', 'strava')],
      credentials: [
        { provider: 'GOOGLE', adminCode: 'google', clientId: '40211-testing.apps.googleusercontent.com', clientSecret: { fromStackConfig: 'googleClientSecret' } },
        { provider: 'STRAVA', adminCode: 'strava', clientId: '118023', clientSecret: { fromEnv: 'STRAVA_CLIENT_SECRET_TESTING' } },
      ],
      scopes: [
        noScopes('FITBIT', 'fitbit'),
        noScopes('GARMIN', 'garmin'),
        {
          provider: 'GOOGLE',
          adminCode: 'google',
          scopes: [`${G}calendar.settings.readonly`, `${G}fitness.activity.read`, `${G}fitness.sleep.read`, `${G}userinfo.profile`],
        },
        noScopes('OURA', 'oura'),
        noScopes('POLAR', 'polar'),
        noScopes('STRAVA', 'strava'),
      ],
      webhook: { url: 'https://hooks.testing.acme-health.example/terra/events', active: true, signingSecret: { fromStackConfig: 'terraWebhookSigningSecret' } },
      notAppliable: [NA.strava, NA.google, NA.apple, NA.samsung, NA.samsungRoute],
    });
  });

  it('staging', () => {
    expect(shipped('staging')).toEqual({
      environment: 'staging',
      devId: 'acme-health-staging-R4tW9c',
      undeclaredProviders: 'disable',
      declared: ['apple', 'fitbit', 'freestylelibre', 'garmin', 'google', 'huawei', 'oura', 'polar', 'samsung', 'strava', 'virtuagym', 'withings'],
      sources: [
        on('FITBIT', 'fitbit'),
        on('FREESTYLELIBRE', 'freestylelibre'),
        on('GARMIN', 'garmin'),
        on('GOOGLE', 'google'),
        on('HUAWEI', 'huawei'),
        on('OURA', 'oura'),
        on('POLAR', 'polar'),
        on('STRAVA', 'strava'),
        on('VIRTUAGYM', 'virtuagym'),
        on('WITHINGS', 'withings'),
      ],
      credentials: [
        { provider: 'GOOGLE', adminCode: 'google', clientId: '40211-staging.apps.googleusercontent.com', clientSecret: { fromStackConfig: 'googleClientSecret' } },
        {
          provider: 'HUAWEI',
          adminCode: 'huawei',
          clientId: '108563291',
          clientSecret: { fromStackConfig: 'huaweiClientSecret' },
          redirectUrl: 'https://access.tryterra.co/api/v2/auth/huawei/oauth2',
        },
        { provider: 'STRAVA', adminCode: 'strava', clientId: '118024', clientSecret: { fromStackConfig: 'stravaClientSecret' } },
        { provider: 'VIRTUAGYM', adminCode: 'virtuagym', clientId: 'acme-health-staging', clientSecret: { fromStackConfig: 'virtuagymApiKey' } },
      ],
      scopes: [
        noScopes('FITBIT', 'fitbit'),
        noScopes('FREESTYLELIBRE', 'freestylelibre'),
        noScopes('GARMIN', 'garmin'),
        {
          provider: 'GOOGLE',
          adminCode: 'google',
          scopes: [
            `${G}calendar.settings.readonly`,
            `${G}fitness.activity.read`,
            `${G}fitness.body.read`,
            `${G}fitness.heart_rate.read`,
            `${G}fitness.sleep.read`,
            `${G}userinfo.profile`,
          ],
        },
        noScopes('HUAWEI', 'huawei'),
        noScopes('OURA', 'oura'),
        noScopes('POLAR', 'polar'),
        noScopes('STRAVA', 'strava'),
        noScopes('VIRTUAGYM', 'virtuagym'),
        noScopes('WITHINGS', 'withings'),
      ],
      webhook: {
        url: 'https://hooks.staging.acme-health.example/terra/events',
        active: true,
        signingSecret: { fromStackConfig: 'terraWebhookSigningSecret' },
        eventTypes: ['access_revoked', 'activity', 'auth', 'body', 'connection_error', 'daily', 'deauth', 'menstruation', 'nutrition', 'sleep', 'user_reauth'],
      },
      data: {
        types: ['ACTIVITY', 'BODY', 'DAILY', 'MENSTRUATION', 'NUTRITION', 'SLEEP'],
        samples: true,
        fields: [{ dataType: 'activity', fields: ['calories', 'distance_metres', 'steps'] }],
        processing: 'json',
      },
      widget: { name: 'Acme Connect (staging)', logoUrl: 'https://cdn.acme-health.example/logo.png' },
      notAppliable: [
        NA.strava,
        NA.google,
        NA.huaweiAccess,
        NA.huaweiCallback,
        NA.libreRegions,
        NA.librePractice,
        NA.apple,
        NA.samsung,
        NA.samsungRoute,
        { path: 'destinations[0]', reason: expect.stringContaining('SQS credentials as `metadata` JSON') },
      ],
    });
  });

  it('production', () => {
    const desired = shipped('production');
    expect(desired.devId).toBe('acme-health-prod-Z2xN8v');
    expect(desired.sources.map((s) => s.provider)).toEqual(['FITBIT', 'FREESTYLELIBRE', 'GARMIN', 'GOOGLE', 'HUAWEI', 'OURA', 'POLAR', 'STRAVA', 'VIRTUAGYM', 'WITHINGS']);
    expect(desired.sources.every((s) => s.enabled && s.adminCode === s.provider.toLowerCase())).toBe(true);
    expect(desired.credentials).toEqual([
      { provider: 'GOOGLE', adminCode: 'google', clientId: '40211-production.apps.googleusercontent.com', clientSecret: { fromStackConfig: 'googleClientSecret' } },
      {
        provider: 'HUAWEI',
        adminCode: 'huawei',
        clientId: '108563307',
        clientSecret: { fromStackConfig: 'huaweiClientSecret' },
        redirectUrl: 'https://access.tryterra.co/api/v2/auth/huawei/oauth2',
      },
      { provider: 'STRAVA', adminCode: 'strava', clientId: '118025', clientSecret: { fromStackConfig: 'stravaClientSecret' } },
      { provider: 'VIRTUAGYM', adminCode: 'virtuagym', clientId: 'acme-health', clientSecret: { fromStackConfig: 'virtuagymApiKey' } },
    ]);
    expect(desired.scopes.filter((s) => s.scopes.length > 0).map((s) => s.provider)).toEqual(['GOOGLE']);
    expect(desired.webhook).toEqual({
      url: 'https://hooks.acme-health.example/terra/events',
      active: true,
      signingSecret: { fromStackConfig: 'terraWebhookSigningSecret' },
      eventTypes: ['access_revoked', 'activity', 'auth', 'body', 'connection_error', 'daily', 'deauth', 'menstruation', 'nutrition', 'permission_change', 'sleep', 'user_reauth'],
    });
    expect(desired.notAppliable).toEqual([
      NA.strava,
      NA.google,
      NA.huaweiAccess,
      NA.huaweiCallback,
      NA.libreRegions,
      NA.librePractice,
      NA.apple,
      NA.samsung,
      NA.samsungRoute,
      NA.samsungPartnership,
      { path: 'destinations[0]', reason: expect.stringContaining('S3 credentials as `metadata` JSON') },
    ]);
  });
});
