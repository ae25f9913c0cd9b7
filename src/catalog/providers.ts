import { SOURCES } from './sources';
import type { DataType } from './webhook-event-types';

/**
 * Whose OAuth keys a provider runs on, per Terra's "Integration credentials" column:
 * - managed: Terra's keys by default; dedicated ("bring your own") keys are allowed;
 * - required: the provider only works with dedicated keys (or a direct partnership);
 * - not-applicable: the provider has no keys to bring;
 * - unknown: the column is not in any source we could read, so nothing is enforced.
 */
export type CredentialPolicy = 'managed' | 'required' | 'not-applicable' | 'unknown';

/** Which fields a provider's `dedicatedKeys` block takes (shapes live in src/model/dedicated-keys.ts). */
export type KeyShape = 'generic' | 'strava' | 'virtuagym' | 'huawei' | 'google';

/** Provider-specific options beyond keys (shapes live in src/model/provider-options.ts). */
export type OptionSet = 'freestylelibre' | 'samsung';

/** What Terra documents about one provider. Adding a provider is adding one entry below. */
export interface ProviderFacts {
  /** Terra's resource code, as the data API spells it. */
  code: string;
  name: string;
  /** `mobile-sdk`: only reachable through Terra's mobile SDK, never through the web widget. */
  surface: 'web' | 'mobile-sdk';
  credentials: CredentialPolicy;
  keyShape: KeyShape;
  options?: OptionSet;
  /** Needs a partnership agreed directly with the provider before keys exist. */
  partnership?: boolean;
  /** Data types the provider delivers. General knowledge, not a Terra table: UNCONFIRMED. */
  dataTypes: readonly DataType[];
  /** False where no current list of Terra's confirms the code itself (UNCONFIRMED). */
  confirmed: boolean;
  /**
   * For an UNCONFIRMED code: a current page of Terra's own docs that uses it (a row of the dedicated-keys
   * table, an FAQ on its callback). Still unconfirmed, since the integrations list lacks it, but Terra's word
   * rather than older or third-party material's, so the validator notes it instead of warning.
   */
  namedIn?: string;
  deprecated?: string;
  sources: readonly string[];
}

type Extra = Partial<Omit<ProviderFacts, 'code' | 'name'>>;

const A: DataType[] = ['activity'];
const FITNESS: DataType[] = ['activity', 'body', 'daily', 'sleep'];
const WEARABLE: DataType[] = ['activity', 'body', 'daily', 'sleep', 'menstruation'];
const NUTRITION: DataType[] = ['nutrition'];
const BODY: DataType[] = ['body'];

function web(code: string, name: string, dataTypes: DataType[], extra: Extra = {}): ProviderFacts {
  return {
    code,
    name,
    surface: 'web',
    credentials: 'unknown',
    keyShape: 'generic',
    dataTypes,
    confirmed: true,
    sources: [SOURCES.integrationsList],
    ...extra,
  };
}

function sdk(code: string, name: string, dataTypes: DataType[], extra: Extra = {}): ProviderFacts {
  return web(code, name, dataTypes, {
    surface: 'mobile-sdk',
    credentials: 'not-applicable',
    sources: [SOURCES.dataSources, SOURCES.androidSdk],
    ...extra,
  });
}

const managed = (...more: string[]): Extra => ({ credentials: 'managed', sources: [SOURCES.supportedIntegrations, ...more] });
const notApplicable: Extra = { credentials: 'not-applicable', sources: [SOURCES.supportedIntegrations] };
const unconfirmed = (...more: string[]): Extra => ({ confirmed: false, sources: [SOURCES.integrationsListOld, ...more] });
/** Starred in Terra's integration list as "needing special credentials". */
const starred = (...more: string[]): Extra => ({ credentials: 'required', sources: [SOURCES.integrationsList, ...more] });

export const PROVIDERS: readonly ProviderFacts[] = [
  web('AKTIIA', 'Aktiia', BODY),
  web('BIOSTRAP', 'Biostrap', FITNESS, managed()),
  web('BRYTONSPORT', 'Bryton', A),
  web('CARDIOMOOD', 'CardioMood', BODY, notApplicable),
  web('CLUE', 'Clue', ['menstruation']),
  web('CONCEPT2', 'Concept2', A, managed()),
  web('COROS', 'COROS', FITNESS),
  web('CRONOMETER', 'Cronometer', NUTRITION, managed()),
  web('CYCLINGANALYTICS', 'Cycling Analytics', A),
  web('DECATHLON', 'Decathlon', A),
  web('DEXCOM', 'Dexcom', BODY, { ...unconfirmed(SOURCES.funFacts), credentials: 'required', partnership: true }),
  web('DEXCOM_EU', 'Dexcom (EU)', BODY, { credentials: 'required', partnership: true, sources: [SOURCES.supportedIntegrations, SOURCES.funFacts] }),
  web('DEXCOM_JP', 'Dexcom (Japan)', BODY, { credentials: 'required', partnership: true, sources: [SOURCES.supportedIntegrations, SOURCES.funFacts] }),
  web('CORE', 'CORE body temperature', BODY, notApplicable),
  web('EATTHISMUCH', 'Eat This Much', NUTRITION, notApplicable),
  web('EIGHTSLEEP', 'Eight Sleep', ['sleep']),
  web('FATSECRET', 'FatSecret', NUTRITION, managed()),
  web('FINALSURGE', 'Final Surge', A, notApplicable),
  web('FITBIT', 'Fitbit', WEARABLE, managed()),
  web('FREESTYLELIBRE', 'FreeStyle Libre', BODY, { ...managed(SOURCES.october2025), options: 'freestylelibre' }),
  web('GARMIN', 'Garmin', WEARABLE),
  web('GOOGLE', 'Google Fit (web API)', ['activity', 'body', 'daily', 'sleep', 'nutrition'], {
    credentials: 'managed',
    keyShape: 'google',
    sources: [SOURCES.funFacts, SOURCES.productionKeys],
  }),
  web('HAMMERHEAD', 'Hammerhead', A, notApplicable),
  web('HEALTHGAUGE', 'HealthGauge', FITNESS),
  web('HUAWEI', 'Huawei Health', WEARABLE, {
    ...starred(SOURCES.huaweiByo, SOURCES.funFacts),
    keyShape: 'huawei',
    partnership: true,
  }),
  web('IFIT', 'iFIT', A),
  web('INBODY', 'InBody', BODY, { ...starred(SOURCES.supportedIntegrations, SOURCES.funFacts), partnership: true }),
  web('KETOMOJOEU', 'Keto-Mojo (EU)', BODY),
  web('KETOMOJOUS', 'Keto-Mojo (US)', BODY),
  web('KOMOOT', 'Komoot', A),
  web('LEZYNE', 'Lezyne', A),
  web('LIVEROWING', 'LiveRowing', A),
  web('MACROSFIRST', 'MacrosFirst', NUTRITION),
  web('MAPMYFITNESS', 'MapMyFitness', A, { sources: [SOURCES.openapiV2] }),
  web('MOXY', 'Moxy', A),
  web('NOLIO', 'Nolio', A),
  web('NUTRACHECK', 'Nutracheck', NUTRITION),
  web('OMRON', 'Omron', BODY),
  web('OMRONUS', 'Omron (US)', BODY),
  web('OURA', 'Oura', WEARABLE),
  web('PELOTON', 'Peloton', A),
  web('POLAR', 'Polar', FITNESS),
  web('PUL', 'Pul', A, starred()),
  web('RENPHO', 'Renpho', BODY, { deprecated: 'Terra lists RENPHO as deprecated' }),
  web('RIDEWITHGPS', 'Ride with GPS', A),
  web('ROUVY', 'ROUVY', A),
  web('SOMNOFY', 'Somnofy', ['sleep'], starred()),
  web('STRAVA', 'Strava', A, { ...starred(SOURCES.dedicatedKeys), keyShape: 'strava' }),
  web('SUUNTO', 'Suunto', FITNESS, { sources: [SOURCES.integrationsList, SOURCES.openapiV2] }),
  web('TECHNOGYM', 'Technogym', A),
  web('TEMPO', 'Tempo', A),
  web('TODAYSPLAN', "Today's Plan", A),
  web('TRAINXHALE', 'TrainXHale', A),
  web('TRAINASONE', 'TrainAsONE', A),
  web('TRAINERROAD', 'TrainerRoad', A),
  web('TRAININGPEAKS', 'TrainingPeaks', A),
  web('TREDICT', 'Tredict', A),
  web('TRIDOT', 'TriDot', A),
  web('UNDERARMOUR', 'Under Armour', A, unconfirmed()),
  web('VELOHERO', 'Velo Hero', A, unconfirmed()),
  web('VIRTUAGYM', 'Virtuagym', A, {
    ...unconfirmed(SOURCES.dedicatedKeys, SOURCES.funFacts, SOURCES.genericByo),
    namedIn: SOURCES.dedicatedKeys,
    credentials: 'required',
    keyShape: 'virtuagym',
    partnership: true,
  }),
  web('WAHOO', 'Wahoo', A, unconfirmed(SOURCES.openapiV2)),
  web('WGER', 'wger', A, unconfirmed()),
  web('WHOOP', 'WHOOP', FITNESS, { ...unconfirmed(SOURCES.callbackRegistration), namedIn: SOURCES.callbackRegistration }),
  web('WITHINGS', 'Withings', FITNESS, { sources: [SOURCES.openapiV2] }),
  web('XERT', 'Xert', A, unconfirmed()),
  web('XOSS', 'XOSS', A, unconfirmed()),
  web('ZWIFT', 'Zwift', A, unconfirmed()),
  sdk('APPLE', 'Apple Health', WEARABLE, { sources: [SOURCES.dataSources, SOURCES.supportedIntegrations] }),
  sdk('SAMSUNG', 'Samsung Health', WEARABLE, { options: 'samsung', sources: [SOURCES.androidSdk, SOURCES.funFacts, SOURCES.october2025] }),
  sdk('GOOGLEFIT', 'Google Fit (Android SDK)', FITNESS, { sources: [SOURCES.androidSdk, SOURCES.supportedIntegrations] }),
  sdk('FREESTYLELIBRESDK', 'FreeStyle Libre (mobile SDK)', BODY),
  sdk('HEALTH_CONNECT', 'Health Connect', WEARABLE, { confirmed: false }),
  sdk('WEAROS', 'Wear OS', FITNESS, { confirmed: false }),
];

const BY_CODE: ReadonlyMap<string, ProviderFacts> = new Map(PROVIDERS.map((p) => [p.code, p]));

/** The catalog entry for a Terra resource code, or undefined when Terra documents no such code. */
export function findProvider(code: string): ProviderFacts | undefined {
  return BY_CODE.get(code);
}

export const PROVIDER_CODES: readonly string[] = PROVIDERS.map((p) => p.code);
