import type { AdminSeed } from '../support/local-terra-admin';

/** A Terra environment clicked together in the dashboard: nothing of it is in config/ yet. */
export const CLINIC_DEV = 'northwind-clinic-Q2xT7v';

/** Every secret the seeded environment holds; none may appear in anything the import writes or prints. */
export const CLINIC_SECRETS = {
  apiKey: 'tk_dash_api_key_Zr81LmQ0w',
  envSigningSecret: 'env-signing-secret-H4cK9b',
  stravaSecret: 'strava-dash-secret-7Hq2Xe',
  googleSecret: 'GOCSPX-dashboard-google-5Tn3',
  withingsSecret: 'withings-secret-dash-8Kw1',
  webhookSigningSecret: 'whsec_dashboard_made_3f9a1c77',
};

/**
 * Sources on and off, dedicated keys of three shapes (generic, Strava, Google), custom scopes,
 * a data selection with fields, FHIR processing and widget branding, a webhook destination with event
 * types and an S3 destination (which drift leaves alone). Its label
 * says staging, so the tier can be inferred.
 */
export function clinicSeed(label = 'Northwind Staging'): AdminSeed {
  return {
    environments: {
      [CLINIC_DEV]: {
        name: 'Northwind Clinic',
        label,
        apiKey: CLINIC_SECRETS.apiKey,
        signingSecret: CLINIC_SECRETS.envSigningSecret,
        sources: { garmin: { active: true }, oura: { active: true }, withings: { active: true }, strava: { active: true }, google: { active: true }, fitbit: { active: false } },
        credentials: {
          strava: { clientId: '204417', clientSecret: CLINIC_SECRETS.stravaSecret },
          google: { clientId: '5521-clinic.apps.googleusercontent.com', clientSecret: CLINIC_SECRETS.googleSecret },
          withings: { clientId: 'wd-77310', clientSecret: CLINIC_SECRETS.withingsSecret },
        },
        customScopes: {
          google: [
            'https://www.googleapis.com/auth/fitness.activity.read',
            'https://www.googleapis.com/auth/fitness.sleep.read',
            'https://www.googleapis.com/auth/userinfo.profile',
            'https://www.googleapis.com/auth/calendar.settings.readonly',
          ],
          withings: ['user.metrics', 'user.activity'],
        },
        dataTypes: ['ACTIVITY', 'SLEEP', 'BODY'],
        samplesEnabled: true,
        fields: { activity: ['steps', 'distance_metres'] },
        processing: 'fhir',
        widget: { widgetName: 'Northwind Connect', appLogo: 'https://cdn.northwind-clinic.example/logo.png' },
        destinations: [
          { url: 'https://hooks.northwind-clinic.example/terra', eventTypes: ['sleep', 'activity', 'auth', 'deauth'], signingSecret: CLINIC_SECRETS.webhookSigningSecret },
          { type: 's3', url: 's3://northwind-terra-payloads', signingSecret: 'unused-s3-secret-value-1' },
        ],
      },
    },
  };
}
