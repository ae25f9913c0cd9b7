import { DATA_TYPE_TOKENS, IMPLICIT_DATA_TYPE } from '../../catalog/data-types';
import { flattenRemoteText } from '../../core/safe-text';
import type { DataConfig, WidgetBranding } from '../../model/data-config';
import type { DataRead } from './live-data';

/** The `data:` and `widget:` sections an import writes, from Terra's data configuration, and what it left out. */
export interface ImportedDataConfig {
  data?: DataConfig;
  widget?: WidgetBranding;
  remarks: string[];
}

/**
 * Terra's selection as config/ declares it: the data types (ATHLETE is implicit), samples, the field lists
 * Terra holds for selected types, the processing format, and the widget's name and logo. Anything the
 * validator would refuse as it is (a data type terra-iac does not know, a logo that is not https) is left
 * out with a remark, so the written file still validates.
 */
export function importedDataConfig(read: DataRead | undefined, skipped?: string): ImportedDataConfig {
  const remarks: string[] = [];
  if (!read) {
    if (skipped) remarks.push(skipped);
    return { remarks };
  }
  for (const part of read.unread) remarks.push(`${part.object}: ${flattenRemoteText(part.reason, 160)}`);
  const result: ImportedDataConfig = { remarks };
  const observed = read.data;
  if (observed) {
    const data: DataConfig = {};
    if (observed.types) {
      const known = observed.types.filter((t) => DATA_TYPE_TOKENS.includes(t) && t !== IMPLICIT_DATA_TYPE);
      const unknown = observed.types.filter((t) => !DATA_TYPE_TOKENS.includes(t));
      if (unknown.length) remarks.push(`data types ${unknown.map((t) => flattenRemoteText(t, 40)).join(', ')}: unknown to terra-iac, so not declared`);
      data.types = known;
    }
    if (observed.samples !== undefined) data.samples = observed.samples;
    const fields = Object.entries(observed.fields ?? {}).filter(([type, list]) => list.length > 0 && DATA_TYPE_TOKENS.includes(type.toUpperCase()));
    if (fields.length) data.fields = Object.fromEntries(fields.map(([type, list]) => [type, [...list]]));
    if (observed.processing) data.processing = observed.processing;
    if (Object.keys(data).length) result.data = data;
  }
  if (read.widget) {
    const widget: WidgetBranding = {};
    if (read.widget.name) widget.name = flattenRemoteText(read.widget.name, 120);
    const logo = read.widget.logoUrl;
    if (logo && logo.startsWith('https://')) widget.logoUrl = logo;
    else if (logo) remarks.push(`widget logo ${flattenRemoteText(logo, 120)}: not an https URL, so not declared (the widget is an HTTPS page)`);
    if (Object.keys(widget).length) result.widget = widget;
  }
  return result;
}
