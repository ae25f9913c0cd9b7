import type { ProcessingFormat } from '../../catalog/data-types';
import type { TerraChange } from './changes';
import type { DesiredTerraState } from './desired';

/**
 * A data-configuration or widget call. What config/ leaves unmanaged is left undefined here: apply reads
 * Terra's current value just before the call and sends it back, since both PUTs replace the whole object.
 */
export type DataCall =
  | { op: 'putUnifiedApiScopes'; types?: readonly string[]; samples?: boolean }
  | { op: 'patchUnifiedApiScopes'; dataType: string; fields: readonly string[] }
  | { op: 'setProcessing'; type: ProcessingFormat }
  | { op: 'setWidgetConfig'; name?: string; logoUrl?: string };

/** The data types before the fields within them, then processing, then the widget. */
export const DATA_CALL_ORDER: readonly DataCall['op'][] = ['putUnifiedApiScopes', 'patchUnifiedApiScopes', 'setProcessing', 'setWidgetConfig'];

/** The call for one dataTypes, dataFields, processing or widget change. */
export function dataCallsFor(desired: DesiredTerraState, change: TerraChange): DataCall[] {
  const data = desired.data;
  switch (change.object) {
    case 'dataTypes': {
      if (!data) return [];
      const call: DataCall & { op: 'putUnifiedApiScopes' } = { op: 'putUnifiedApiScopes' };
      if (data.types !== undefined) call.types = data.types;
      if (data.samples !== undefined) call.samples = data.samples;
      return [call];
    }
    case 'dataFields': {
      const want = data?.fields.find((f) => f.dataType === change.key);
      return want ? [{ op: 'patchUnifiedApiScopes', dataType: want.dataType, fields: want.fields }] : [];
    }
    case 'processing':
      return data?.processing ? [{ op: 'setProcessing', type: data.processing }] : [];
    case 'widget': {
      const widget = desired.widget;
      if (!widget) return [];
      const call: DataCall & { op: 'setWidgetConfig' } = { op: 'setWidgetConfig' };
      if (widget.name !== undefined) call.name = widget.name;
      if (widget.logoUrl !== undefined) call.logoUrl = widget.logoUrl;
      return [call];
    }
    default:
      return [];
  }
}
