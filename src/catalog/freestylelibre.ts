import { SOURCES } from './sources';

/** Regions where FreeStyle Libre data needs a doctor's licence or registered practice id given to Terra. */
export const FREESTYLELIBRE_PRACTICE_REGIONS = ['DE', 'AT', 'FR'] as const;
export const FREESTYLELIBRE_SOURCE = `${SOURCES.october2025}; https://github.com/tryterra/llms.txt`;
