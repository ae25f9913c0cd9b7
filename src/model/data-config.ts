import { z } from 'zod';
import { DATA_TYPE_TOKENS, PROCESSING_FORMATS } from '../catalog/data-types';
import { EDITOR, HTTPS_URL_PATTERN } from './editor-annotations';
import { HttpUrl } from './patterns';

/**
 * Which data Terra collects for this environment and how it is shaped (admin API `putUnifiedApiScopes`,
 * `patchUnifiedApiScopes`, `setProcessing`). Every member is optional: one left out is not managed, and
 * drift says nothing about it.
 */
export const DataConfig = z
  .strictObject({
    types: z
      .array(
        // The CLI's data-type-unknown rule says did-you-mean; editors complete from the same tokens.
        z.string().min(1).register(EDITOR, { pattern: `^(${DATA_TYPE_TOKENS.join('|')})$`, patternErrorMessage: `One of Terra's upper-case data types: ${DATA_TYPE_TOKENS.join(', ')} (data-type-unknown).` }),
      )
      .optional()
      .describe(
        'Data types Terra collects, upper case (ACTIVITY, BODY, DAILY, SLEEP, NUTRITION, MENSTRUATION); ATHLETE is always selected. The complete set: apply deselects any other. [] keeps only ATHLETE.',
      ),
    samples: z.boolean().optional().describe('Include samples (readings at specific timestamps) in the payloads: the SAMPLES token.'),
    fields: z
      .record(z.string().min(1), z.array(z.string().min(1)).min(1))
      .register(EDITOR, { propertyNames: { enum: DATA_TYPE_TOKENS.map((t) => t.toLowerCase()) } })
      .optional()
      .describe('The fields Terra sends per data type, keyed by lower-case data type: { activity: [steps, distance_metres] }. Data types not listed keep what Terra has.'),
    processing: z.enum(PROCESSING_FORMATS).optional().describe('Output format of the payloads: json (Terra\'s own model), fit or fhir.'),
  })
  .meta({ id: 'DataConfig', title: 'Data types, fields and processing' });

/** The widget's branding (admin API `setWidgetConfig`); a member left out keeps what Terra has. */
export const WidgetBranding = z
  .strictObject({
    name: z.string().min(1).optional().describe('Name the connect widget shows your users (widget_name).'),
    logoUrl: HttpUrl.describe('HTTPS URL of the logo the widget shows (app_logo).')
      .register(EDITOR, { pattern: HTTPS_URL_PATTERN, patternErrorMessage: 'The widget logo must be an https:// URL: the widget is an HTTPS page (widget-logo-https).' })
      .optional(),
  })
  .meta({ id: 'WidgetBranding', title: 'Widget branding' });

export type DataConfig = z.infer<typeof DataConfig>;
export type WidgetBranding = z.infer<typeof WidgetBranding>;
