import type { TerraChange, Unverifiable } from '../../terra/admin/changes';
import { executeDataCall } from '../../terra/admin/apply-calls-data';
import { diffWidget } from '../../terra/admin/diff-data';
import { observedWidget } from '../../terra/admin/live-data';
import { adminClient, changedKeys, commonOf, COMMON_UPDATE_KEYS, defined, desiredWith, observedWith, type CommonInputs, type KindHandler } from './terra-kind-common';

export interface WidgetInputs extends CommonInputs {
  kind: 'widget';
  /** widget_name; absent: not managed. */
  name?: string;
  /** app_logo; absent: not managed. */
  logoUrl?: string;
}

export interface WidgetOutputs extends CommonInputs {
  kind: 'widget';
  name: string | null;
  logoUrl: string | null;
}

/**
 * The widget's branding (`setWidgetConfig`, a full replace): the config document and any member config/
 * leaves out are read first and sent back unchanged.
 */
export const widgetKind: KindHandler<WidgetInputs, WidgetOutputs> = {
  diff(olds, news) {
    const changes: TerraChange[] = [];
    const unverifiable: Unverifiable[] = [];
    const live = { name: olds.name ?? null, logoUrl: olds.logoUrl ?? null, document: {} };
    diffWidget(desiredWith(news, { widget: defined({ name: news.name, logoUrl: news.logoUrl }) }), observedWith({ widget: live }), changes, unverifiable);
    const replaces = changedKeys<WidgetInputs>(olds as Partial<WidgetInputs>, news, ['devId']);
    const updated = changes.length > 0 || changedKeys<WidgetInputs>(olds as Partial<WidgetInputs>, news, [...COMMON_UPDATE_KEYS]).length > 0;
    return { changes: replaces.length > 0 || updated, replaces };
  },
  async create(inputs) {
    return { id: `${inputs.devId}/widget`, outs: await write(inputs) };
  },
  async read(id, props) {
    const outs: WidgetOutputs = { ...props, ...(await branding(props)) };
    return { id, props: outs };
  },
  async update(_id, _olds, news) {
    return { outs: await write(news) };
  },
  async delete() {
    // Retained: clearing the branding would show users an unbranded widget.
  },
};

async function write(inputs: WidgetInputs): Promise<WidgetOutputs> {
  await executeDataCall(adminClient(inputs.adminBaseUrl), inputs.devId, defined({ op: 'setWidgetConfig' as const, name: inputs.name, logoUrl: inputs.logoUrl }));
  return { ...commonOf(inputs), kind: 'widget', ...(await branding(inputs)) };
}

async function branding(inputs: CommonInputs): Promise<{ name: string | null; logoUrl: string | null }> {
  const { name, logoUrl } = observedWidget(await adminClient(inputs.adminBaseUrl).getWidgetConfig(inputs.devId));
  return { name, logoUrl };
}
