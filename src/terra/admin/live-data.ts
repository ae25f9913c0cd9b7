import type { AdminOperationId } from './admin-operations';
import type { ProcessingType, SelectedDataField, WidgetConfig } from './admin-types';
import type { TerraAdminClient } from './client';
import { partReader } from './part-reader';
import { dataTypeSet, type DesiredData, type DesiredWidget } from './desired-data';
import { sortedUnique } from './normalize';
import type { ObservedData, ObservedWidget } from './observed-data';
import type { UnreadPart } from './observed';

/** Which of the data-configuration reads to make. */
export interface DataReadParts {
  /** `listUnifiedApiScopes`: data types, samples and fields. */
  scopes: boolean;
  /** `listProcessing`. */
  processing: boolean;
  /** `getWidgetConfig`. */
  widget: boolean;
}

/** Every part: what a reader that wants the whole environment (an import) asks for. */
export const ALL_DATA_PARTS: DataReadParts = { scopes: true, processing: true, widget: true };

/** The reads a declaration needs: only what it manages, so a token without dataconfig:read still drifts the rest. */
export function dataReadParts(data: DesiredData | undefined, widget: DesiredWidget | undefined): DataReadParts {
  return {
    scopes: data !== undefined && (data.types !== undefined || data.samples !== undefined || data.fields.length > 0),
    processing: data?.processing !== undefined,
    widget: widget !== undefined && (widget.name !== undefined || widget.logoUrl !== undefined),
  };
}

/** The GET operations of those parts, for the token preflight. */
export function dataReadOperations(parts: DataReadParts): AdminOperationId[] {
  const ops: AdminOperationId[] = [];
  if (parts.scopes) ops.push('listUnifiedApiScopes');
  if (parts.processing) ops.push('listProcessing');
  if (parts.widget) ops.push('getWidgetConfig');
  return ops;
}

export interface DataRead {
  data?: ObservedData;
  widget?: ObservedWidget;
  unread: UnreadPart[];
}

/**
 * The data configuration and widget of a dev-id, with GET requests only, the parts concurrently. A read
 * Terra refuses for this object (403 `access_denied`) or that fails becomes an `unread` part; a refused token
 * (401, 403 scope_missing) is thrown, as for the rest of the live read.
 */
export async function readDataConfig(client: TerraAdminClient, devId: string, parts: DataReadParts): Promise<DataRead> {
  const unread: UnreadPart[] = [];
  const attempt = partReader(unread);
  const [rows, processing, widget] = await Promise.all([
    parts.scopes ? attempt(() => client.listUnifiedApiScopes(devId), { object: 'dataTypes', key: '*' }) : undefined,
    parts.processing ? attempt(() => client.listProcessing(devId), { object: 'processing', key: '*' }) : undefined,
    parts.widget ? attempt(() => client.getWidgetConfig(devId), { object: 'widget', key: '*' }) : undefined,
  ]);
  if (parts.scopes && rows === undefined) unread.push({ object: 'dataFields', key: '*', reason: unread.find((u) => u.object === 'dataTypes')!.reason });
  const read: DataRead = { unread };
  const data: ObservedData = { ...(rows ? observedScopes(rows) : {}), ...(processing ? { processing: selectedProcessing(processing) } : {}) };
  if (Object.keys(data).length > 0) read.data = data;
  if (widget) read.widget = observedWidget(widget);
  return read;
}

/** `SelectedDataField` rows as the selection: types, the samples flag and the fields per type. */
export function observedScopes(rows: readonly SelectedDataField[]): ObservedData {
  const listed = rows.filter((r): r is SelectedDataField & { data_type: string } => typeof r.data_type === 'string' && r.data_type !== '');
  const fields: Record<string, readonly string[]> = {};
  for (const row of listed) fields[row.data_type.toLowerCase()] = sortedUnique(row.fields ?? []);
  const flags = listed.flatMap((r) => (typeof r.samples_enabled === 'boolean' ? [r.samples_enabled] : []));
  const observed: ObservedData = { types: dataTypeSet(listed.map((r) => r.data_type)), fields };
  if (flags.length > 0) observed.samples = flags.every(Boolean);
  return observed;
}

function selectedProcessing(rows: readonly ProcessingType[]): ObservedData['processing'] {
  return rows.find((r) => r.selected)?.type ?? null;
}

export function observedWidget(widget: WidgetConfig): ObservedWidget {
  return { name: widget.widget_name ?? null, logoUrl: widget.app_logo ?? null, document: widget };
}
