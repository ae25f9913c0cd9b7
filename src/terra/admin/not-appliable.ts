import { isAdminSource } from '../../catalog/admin-codes';
import { formatPath } from '../../core/format-path';
import type { DocPath } from '../../core/diagnostic';
import { declaredProviders } from '../../model/enabled-providers';
import type { Environment } from '../../model/environment';
import type { ProviderSettings } from '../../model/providers';
import type { NotAppliable } from './changes';

const NO_FIELD = 'the admin API has no field for it';

/** Settings that live outside Terra, or that Terra keeps without an admin-API field. */
const OUTSIDE_TERRA: Readonly<Record<string, string>> = {
  callbackDomain: `set as the Authorization Callback Domain in the Strava app (https://strava.com/settings/api); ${NO_FIELD}`,
  appAccessUrl: `entered in the Huawei developer console; ${NO_FIELD}`,
  healthKitCallbackUrl: `entered in the Huawei developer console; ${NO_FIELD}`,
  appVerification: 'Google\'s verification status of the OAuth app: a fact about Google, nothing to set in Terra',
  regions: `FreeStyle Libre regions are arranged with Terra support; ${NO_FIELD}`,
  practiceId: `the practice id is given to Terra support; ${NO_FIELD}`,
  route: `the Samsung route is chosen in the app's SDK set-up; ${NO_FIELD}`,
  partnershipApproved: `the Samsung partnership is agreed with Samsung; ${NO_FIELD}`,
};

/** What config/ declares that `apply` cannot make true in Terra, each with why, in document order. */
export function notAppliableFacts(model: Environment): NotAppliable[] {
  const out: NotAppliable[] = [];
  const add = (path: DocPath, reason: string) => out.push({ path: formatPath(path), reason });
  for (const [code, settings] of declaredProviders(model)) {
    const path = ['providers', code];
    if (!isAdminSource(code)) {
      add(path, 'a mobile-SDK provider: the app enables it through Terra\'s mobile SDK; the admin API\'s sources are web (unified-api) providers only');
    } else if (settings.enabled === false && (settings.dedicatedKeys || settings.scopes)) {
      add(path, 'the provider is declared `enabled: false`, so apply disables it and writes neither its credentials nor its scopes');
    }
    for (const [field, at] of outsideTerra(settings)) add([...path, ...at, field], OUTSIDE_TERRA[field]!);
  }
  (model.destinations ?? []).forEach((destination, i) => {
    add(
      ['destinations', i],
      `Terra's createDestination takes ${destination.type === 's3' ? 'S3' : 'SQS'} credentials as \`metadata\` JSON whose shape is not published: register this destination in Terra's dashboard`,
    );
  });
  return out;
}

function outsideTerra(settings: ProviderSettings): [field: string, at: DocPath][] {
  const found: [string, DocPath][] = [];
  for (const field of Object.keys(settings.dedicatedKeys ?? {})) if (Object.hasOwn(OUTSIDE_TERRA, field)) found.push([field, ['dedicatedKeys']]);
  for (const field of Object.keys(settings)) if (Object.hasOwn(OUTSIDE_TERRA, field)) found.push([field, []]);
  return found;
}
