import { IMPLICIT_DATA_TYPE, type ProcessingFormat } from '../../catalog/data-types';
import type { Environment } from '../../model/environment';
import { sortedUnique } from './normalize';

/** One data type's field selection (`patchUnifiedApiScopes`), the data type in lower case as the API lists it. */
export interface DesiredDataFields {
  dataType: string;
  /** Sorted and unique: the selection is a set. */
  fields: readonly string[];
}

/**
 * The data configuration config/ manages. A member left undefined is not managed: drift compares only what
 * is declared, and apply keeps Terra's value for the rest.
 */
export interface DesiredData {
  /** Upper-case tokens, sorted and unique, without the implicit ATHLETE. */
  types?: readonly string[];
  /** The SAMPLES token of `putUnifiedApiScopes`. */
  samples?: boolean;
  /** Per data type, sorted by data type; data types not listed are not managed. */
  fields: readonly DesiredDataFields[];
  processing?: ProcessingFormat;
}

/** The widget branding config/ manages (`setWidgetConfig`); an undefined member keeps Terra's value. */
export interface DesiredWidget {
  /** widget_name */
  name?: string;
  /** app_logo */
  logoUrl?: string;
}

/** The declared data configuration, or undefined when config/ has no `data:`. Pure. */
export function desiredData(model: Environment): DesiredData | undefined {
  const data = model.data;
  if (!data) return undefined;
  const desired: DesiredData = {
    fields: Object.entries(data.fields ?? {})
      .map(([dataType, fields]) => ({ dataType: dataType.toLowerCase(), fields: sortedUnique(fields) }))
      .sort((a, b) => a.dataType.localeCompare(b.dataType)),
  };
  if (data.types) desired.types = dataTypeSet(data.types);
  if (data.samples !== undefined) desired.samples = data.samples;
  if (data.processing) desired.processing = data.processing;
  return desired;
}

/** The declared widget branding, or undefined when config/ has no `widget:`. Pure. */
export function desiredWidget(model: Environment): DesiredWidget | undefined {
  const widget = model.widget;
  if (!widget) return undefined;
  const desired: DesiredWidget = {};
  if (widget.name !== undefined) desired.name = widget.name;
  if (widget.logoUrl !== undefined) desired.logoUrl = widget.logoUrl;
  return desired;
}

/** Data-type tokens as a comparable set: upper case, sorted, unique, the implicit ATHLETE left out. */
export function dataTypeSet(tokens: readonly string[]): string[] {
  return sortedUnique(tokens.map((t) => t.trim().toUpperCase()).filter((t) => t !== '' && t !== IMPLICIT_DATA_TYPE));
}
