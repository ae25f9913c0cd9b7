import { SOURCES } from './sources';

/** One data-type token of `putUnifiedApiScopes` (`ReplaceDataTypesRequest.scopes`), upper case. */
export interface DataTypeFacts {
  token: string;
  /** Always selected: "ATHLETE is implicit and need not be sent" (ReplaceDataTypesRequest). */
  implicit?: boolean;
  /** The account entitlement Terra requires before it accepts the token (403 `access_denied` without it). */
  entitlement?: string;
  source: string;
}

const CUSTOMISING = 'https://docs.tryterra.co/unified-api/integration-setup/customising-data-types';
const PUT_SCOPES = `${SOURCES.adminApi}, operation putUnifiedApiScopes`;

/**
 * The data types an environment can select. Terra's dashboard offers Activity, Daily, Body, Sleep,
 * Nutrition and Menstruation ("Choose the Data Types you wish to receive", customising-data-types); the admin
 * API adds the implicit ATHLETE and the entitlement-gated HEALTH_OBSERVATION ("HEALTH_OBSERVATION is 403
 * access_denied unless the account holds the health_observation entitlement"). The spec does not enumerate
 * the tokens ("an unrecognised token is a 400"), so this list is what the docs name.
 */
export const DATA_TYPE_FACTS: readonly DataTypeFacts[] = [
  { token: 'ACTIVITY', source: CUSTOMISING },
  { token: 'ATHLETE', implicit: true, source: PUT_SCOPES },
  { token: 'BODY', source: CUSTOMISING },
  { token: 'DAILY', source: CUSTOMISING },
  { token: 'HEALTH_OBSERVATION', entitlement: 'health_observation', source: PUT_SCOPES },
  { token: 'MENSTRUATION', source: CUSTOMISING },
  { token: 'NUTRITION', source: CUSTOMISING },
  { token: 'SLEEP', source: CUSTOMISING },
];

export const DATA_TYPE_TOKENS: readonly string[] = DATA_TYPE_FACTS.map((f) => f.token);

/** "SAMPLES sets the per-row samples flag rather than selecting a data type" (ReplaceDataTypesRequest). */
export const SAMPLES_TOKEN = 'SAMPLES';

/** The always-selected data type, which the API adds by itself. */
export const IMPLICIT_DATA_TYPE = 'ATHLETE';

export const DATA_TYPES_SOURCE = `${CUSTOMISING}; ${PUT_SCOPES}`;

/** The facts of a token, exactly as spelled (tokens are upper case). */
export function findDataType(token: string): DataTypeFacts | undefined {
  return DATA_TYPE_FACTS.find((f) => f.token === token);
}

/**
 * Normalisation output formats (`ProcessingType.type`, `SetProcessingTypeRequest.type`): json is Terra's
 * own model ("TERRA" in listProcessing's example), fit and fhir the alternatives.
 */
export const PROCESSING_FORMATS = ['json', 'fit', 'fhir'] as const;
export type ProcessingFormat = (typeof PROCESSING_FORMATS)[number];
