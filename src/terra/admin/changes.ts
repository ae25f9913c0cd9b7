/** What the admin API manages, as `drift` and `apply` name it. */
export type AdminObject = 'source' | 'credentials' | 'scopes' | 'webhook' | 'dataTypes' | 'dataFields' | 'processing' | 'widget';

export type ChangeAction = 'create' | 'update' | 'delete' | 'enable' | 'disable' | 'replace';

/** A field's value in a change: never a secret value or a mask, only the markers below for those. */
export type FieldValue = string | number | boolean | readonly string[] | null;

/** Stands for a write-only secret (its value never appears in a change). */
export const SECRET_MARK = '[secret]';
/** The declared secret differs from what Terra holds (shown instead of either value). */
export const CHANGED_MARK = '[changed]';
/** A destination subscribed to every event type (`event_types` left out on create). */
export const ALL_EVENT_TYPES_MARK = '[all]';

export interface FieldChange {
  /** The admin API's field name: `active`, `client_id`, `client_secret`, `scopes`, `url`, `event_types`, ... */
  name: string;
  from: FieldValue;
  to: FieldValue;
}

/** One difference between the declaration and Terra, and what `apply` does about it. */
export interface TerraChange {
  object: AdminObject;
  /**
   * The provider code as config/ spells it (`GARMIN`), the destination's URL, the lower-case data type of a
   * field selection (`activity`), or `types`, `format` and `branding` for the one data-type selection,
   * processing format and widget.
   */
  key: string;
  action: ChangeAction;
  fields: FieldChange[];
  /** The admin API's path code of the provider (`garmin`), for source, credentials and scopes changes. */
  adminCode?: string;
  /** Terra's id of the destination a webhook change updates, replaces or deletes. */
  destinationId?: string;
}

/** Something that may differ but cannot be read back from Terra, or whose comparison proves nothing. */
export interface Unverifiable {
  object: AdminObject;
  key: string;
  /** The one field it is about; absent when it is about the whole object (not read) or several fields. */
  field?: string;
  reason: string;
}

/** Something declared (or found in Terra) that the admin API cannot apply. */
export interface NotAppliable {
  /** Where it is declared: `providers.STRAVA.dedicatedKeys.callbackDomain`. */
  path: string;
  reason: string;
}

/** The result of comparing a declared environment with Terra (the body of `drift --format json`). */
export interface TerraDiff {
  /** No change to make; unverifiable and not-appliable items are listed but do not count. */
  inSync: boolean;
  changes: TerraChange[];
  unverifiable: Unverifiable[];
  notAppliable: NotAppliable[];
}
