import { findDataType } from '../../catalog/data-types';
import type { FieldChange, TerraChange, Unverifiable } from './changes';
import type { DesiredTerraState } from './desired';
import { sameList } from './normalize';
import { unreadReason, type ObservedTerraState } from './observed';

/** The keys of the singletons (one per environment), as drift shows them. */
export const DATA_TYPES_KEY = 'types';
export const PROCESSING_KEY = 'format';
export const WIDGET_KEY = 'branding';

const NOT_READ = 'not read from Terra';

/**
 * The declared data types and samples flag against Terra's selection (`putUnifiedApiScopes` sets both in
 * one call). Only what is declared is compared. A gated type being added is noted: without the entitlement
 * apply is refused with 403 access_denied, and no GET tells drift whether the account holds it.
 */
export function diffDataTypes(desired: DesiredTerraState, observed: ObservedTerraState, changes: TerraChange[], unverifiable: Unverifiable[]): void {
  const want = desired.data;
  if (!want || (want.types === undefined && want.samples === undefined)) return;
  const unread = unreadReason(observed, 'dataTypes', DATA_TYPES_KEY);
  const live = observed.data;
  if (unread !== undefined || live?.types === undefined) {
    unverifiable.push({ object: 'dataTypes', key: DATA_TYPES_KEY, reason: unread ?? NOT_READ });
    return;
  }
  const fields: FieldChange[] = [];
  if (want.types !== undefined && !sameList(live.types, want.types)) fields.push({ name: 'scopes', from: live.types, to: want.types });
  const samples = live.samples ?? false;
  if (want.samples !== undefined && samples !== want.samples) fields.push({ name: 'samples_enabled', from: samples, to: want.samples });
  if (fields.length === 0) return;
  changes.push({ object: 'dataTypes', key: DATA_TYPES_KEY, action: 'update', fields });
  for (const token of want.types ?? []) {
    const entitlement = findDataType(token)?.entitlement;
    if (entitlement === undefined || live.types.includes(token)) continue;
    unverifiable.push({
      object: 'dataTypes',
      key: DATA_TYPES_KEY,
      field: 'scopes',
      reason: `${token} needs the ${entitlement} entitlement on the Terra account: without it apply is refused with 403 access_denied`,
    });
  }
}

/** Each declared field selection against the one Terra lists for that data type (a set comparison). */
export function diffDataFields(desired: DesiredTerraState, observed: ObservedTerraState, changes: TerraChange[], unverifiable: Unverifiable[]): void {
  for (const want of desired.data?.fields ?? []) {
    const unread = unreadReason(observed, 'dataFields', want.dataType);
    const all = observed.data?.fields;
    if (unread !== undefined || all === undefined) {
      unverifiable.push({ object: 'dataFields', key: want.dataType, reason: unread ?? NOT_READ });
      continue;
    }
    const have = all[want.dataType] ?? [];
    if (sameList(have, want.fields)) continue;
    changes.push({ object: 'dataFields', key: want.dataType, action: have.length === 0 ? 'create' : 'update', fields: [{ name: 'fields', from: have, to: want.fields }] });
  }
}

/** The declared processing format against the `selected` one. */
export function diffProcessing(desired: DesiredTerraState, observed: ObservedTerraState, changes: TerraChange[], unverifiable: Unverifiable[]): void {
  const want = desired.data?.processing;
  if (want === undefined) return;
  const unread = unreadReason(observed, 'processing', PROCESSING_KEY);
  const live = observed.data?.processing;
  if (unread !== undefined || live === undefined) {
    unverifiable.push({ object: 'processing', key: PROCESSING_KEY, reason: unread ?? NOT_READ });
    return;
  }
  if (live !== want) changes.push({ object: 'processing', key: PROCESSING_KEY, action: 'update', fields: [{ name: 'type', from: live, to: want }] });
}

/** The declared widget name and logo against `getWidgetConfig`; the widget's config document is not managed. */
export function diffWidget(desired: DesiredTerraState, observed: ObservedTerraState, changes: TerraChange[], unverifiable: Unverifiable[]): void {
  const want = desired.widget;
  if (!want || (want.name === undefined && want.logoUrl === undefined)) return;
  const unread = unreadReason(observed, 'widget', WIDGET_KEY);
  const live = observed.widget;
  if (unread !== undefined || !live) {
    unverifiable.push({ object: 'widget', key: WIDGET_KEY, reason: unread ?? NOT_READ });
    return;
  }
  const fields: FieldChange[] = [];
  if (want.name !== undefined && live.name !== want.name) fields.push({ name: 'widget_name', from: live.name, to: want.name });
  if (want.logoUrl !== undefined && live.logoUrl !== want.logoUrl) fields.push({ name: 'app_logo', from: live.logoUrl, to: want.logoUrl });
  if (fields.length > 0) changes.push({ object: 'widget', key: WIDGET_KEY, action: 'update', fields });
}
