/**
 * Fixture data for the local Terra server, written for these tests (shapes from the OpenAPI files in
 * ../shared/terra/openapi: IntegrationProvider, TerraUser, problem+json; values invented).
 */

/** Web-API codes the local server lists in `GET /integrations` `providers`. */
export const LOCAL_WEB_PROVIDERS = [
  'FITBIT', 'GARMIN', 'GOOGLE', 'HUAWEI', 'OURA', 'POLAR', 'STRAVA', 'SUUNTO', 'WITHINGS', 'WHOOP', 'VIRTUAGYM',
  'FREESTYLELIBRE', 'COROS', 'PELOTON', 'ZWIFT', 'CONCEPT2', 'CRONOMETER', 'DEXCOM_EU', 'EIGHTSLEEP', 'FATSECRET',
  'KOMOOT', 'OMRON', 'TRAININGPEAKS', 'WAHOO', 'INBODY',
];

/** Mobile-SDK codes (`sdk_providers`, or `sdk_resource` as terra-api@2.1.0 types it). */
export const LOCAL_SDK_PROVIDERS = ['APPLE', 'SAMSUNG', 'GOOGLEFIT', 'FREESTYLELIBRESDK'];

/** What config/testing.yaml declares, so the shipped environment passes against the default server. */
export const TESTING_DEV_ID = 'acme-health-testing-Q7mK2p';
export const TESTING_ENABLED = ['GARMIN', 'FITBIT', 'OURA', 'POLAR', 'STRAVA', 'GOOGLE', 'APPLE', 'SAMSUNG'];

export function integrationProvider(code: string, enabled = true) {
  const name = code.charAt(0) + code.slice(1).toLowerCase();
  return {
    provider: code,
    name,
    icon: `https://access.tryterra.co/api/v2/static/assets/img/app_icons/${code.toLowerCase()}.webp`,
    setup: 'API_KEYS_MANAGED',
    enabled,
    types: { activity: true, body: false, nutrition: false, daily: true, sleep: true, menstruation: false },
  };
}

/** A deterministic TerraUser (OpenAPI `TerraUser`) for index i. */
export function terraUser(i: number, provider: string) {
  const hex = i.toString(16).padStart(12, '0');
  return {
    user_id: `00000000-0000-4000-8000-${hex}`,
    provider,
    created_at: '2026-01-05T10:00:00.000000+00:00',
    last_webhook_update: null,
    scopes: 'activity:read,sleep:read',
    reference_id: `tester-${i}@acme-health.example`,
    active: true,
  };
}

/** RFC 9457 body as the 2026 OpenAPI returns on every 4xx/5xx (`components.schemas.Problem`). */
export function problem(title: string, instance: string, detail?: string) {
  return { type: 'about:blank', title, instance, ...(detail ? { detail } : {}) };
}

/** The SDK-era error body `{status: "error", message}` (terra-api@2.1.0 BadRequestErrorBody, [OAS22] 404). */
export function legacyError(message: string) {
  return { status: 'error', message };
}
