import { SOURCES } from './sources';

const G = 'https://www.googleapis.com/auth/';

/** Scopes Terra needs from every Google app: the user's time zone and Google user id. */
export const GOOGLE_ESSENTIAL_SCOPES = [`${G}calendar.settings.readonly`, `${G}userinfo.profile`] as const;

/** Terra's full default list; a subset may be requested ("select a subset... and let us know"). */
export const GOOGLE_DEFAULT_SCOPES = [
  `${G}fitness.activity.read`,
  `${G}fitness.heart_rate.read`,
  `${G}fitness.location.read`,
  `${G}fitness.nutrition.read`,
  `${G}fitness.blood_pressure.read`,
  `${G}fitness.blood_glucose.read`,
  `${G}fitness.body.read`,
  `${G}fitness.oxygen_saturation.read`,
  `${G}fitness.body_temperature.read`,
  `${G}fitness.reproductive_health.read`,
  `${G}fitness.sleep.read`,
  `${G}user.birthday.read`,
  `${G}user.gender.read`,
  `${G}userinfo.email`,
  `${G}userinfo.profile`,
  `${G}calendar.settings.readonly`,
] as const;
export const GOOGLE_SCOPES_SOURCE = SOURCES.productionKeys;

/** Scopes may be written in full or by their short name after the googleapis prefix. */
export function normalizeGoogleScope(scope: string): string {
  return scope.startsWith('https://') ? scope : `${G}${scope}`;
}
