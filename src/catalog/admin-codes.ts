import { PROVIDERS, findProvider } from './providers';

/**
 * Provider codes in Terra's admin API. The data API, config/ and the terra CLI spell them upper-case
 * (`GARMIN`), while every example in admin-api.yaml is lower-case: `listSources` lists `provider: garmin`
 * and `oura`, paths are `/unified-api/sources/garmin`, and `ScoreHistoryRecord.provider` is a "clean
 * name, e.g. "garmin"". So an admin code is the catalog code in lower case unless this table says
 * otherwise. Whether the API is case-insensitive is not stated, so codes read back are compared
 * case-insensitively.
 */
export const ADMIN_CODE_OVERRIDES: Readonly<Record<string, string>> = {
  // No code is known to differ from its lower-case form yet. When `terra unified-api sources list
  // --format json` shows one (EIGHTSLEEP as `eight`, say), it goes here: catalog code → admin code.
};

/** The admin API's path code of a provider: `GARMIN` → `garmin`, `DEXCOM_EU` → `dexcom_eu`, unless overridden. */
export function adminCode(code: string, overrides: Readonly<Record<string, string>> = ADMIN_CODE_OVERRIDES): string {
  return overrides[code.toUpperCase()] ?? code.toLowerCase();
}

/** Whether two provider codes name the same provider, whatever their case. */
export function sameAdminCode(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * The catalog code for a code the admin API answered (`listSources`), or undefined for one the catalog
 * does not list (which drift reports as it is).
 */
export function fromAdminCode(code: string, overrides: Readonly<Record<string, string>> = ADMIN_CODE_OVERRIDES): string | undefined {
  const entry = Object.entries(overrides).find(([, admin]) => sameAdminCode(admin, code));
  if (entry) return entry[0];
  return PROVIDERS.find((provider) => sameAdminCode(adminCode(provider.code, overrides), code))?.code;
}

/**
 * Whether a provider is a source of the admin API (enable, credentials, scopes). `listSources` "covers
 * unified-api providers only"; the catalog's mobile-SDK providers (APPLE, SAMSUNG, GOOGLEFIT,
 * FREESTYLELIBRESDK, HEALTH_CONNECT, WEAROS) connect through the app on the phone, not a web OAuth flow
 * Terra runs, so there is nothing to enable for them and apply reports them as not appliable. A code the
 * catalog does not know is left for Terra to judge.
 */
export function isAdminSource(code: string): boolean {
  return findProvider(code.toUpperCase())?.surface !== 'mobile-sdk';
}

/** The catalog entries that are admin sources, with their admin codes. */
export function adminSources(): { code: string; adminCode: string }[] {
  return PROVIDERS.filter((provider) => provider.surface === 'web').map((provider) => ({ code: provider.code, adminCode: adminCode(provider.code) }));
}
