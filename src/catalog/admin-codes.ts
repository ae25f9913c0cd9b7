/**
 * Stand-in until the catalog's admin-API codes land: the admin API spells providers in lower case
 * (`listSources` example `provider: garmin`, path `/unified-api/sources/garmin`), while the data API and
 * config/ use upper case (`GARMIN`).
 */
const OVERRIDES: Readonly<Record<string, string>> = {};

/**
 * Providers reached only through Terra's mobile SDK: `listSources` covers "unified-api providers only", so they
 * are not admin-API sources (UNCONFIRMED).
 */
const MOBILE_SDK = new Set(['APPLE', 'SAMSUNG', 'GOOGLEFIT', 'FREESTYLELIBRESDK', 'HEALTH_CONNECT', 'WEAROS']);

/** The admin API's path code of a provider: lower case unless the catalog knows better. */
export function adminCode(code: string): string {
  return OVERRIDES[code] ?? code.toLowerCase();
}

/** Whether the provider is a source of the admin API (enable, credentials, scopes). */
export function isAdminSource(code: string): boolean {
  return !MOBILE_SDK.has(code);
}
