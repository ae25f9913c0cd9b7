import type { TerraChange, Unverifiable } from '../../terra/admin/changes';
import { executeDataCall } from '../../terra/admin/apply-calls-data';
import { diffDataFields } from '../../terra/admin/diff-data';
import { observedScopes } from '../../terra/admin/live-data';
import { adminClient, changedKeys, commonOf, COMMON_UPDATE_KEYS, desiredWith, observedWith, type CommonInputs, type KindHandler } from './terra-kind-common';

export interface DataFieldsInputs extends CommonInputs {
  kind: 'dataFields';
  /** Lower case, as the API lists it: `activity`. */
  dataType: string;
  /** Sorted and unique. */
  fields: string[];
}

export type DataFieldsOutputs = DataFieldsInputs;

/** The fields Terra sends for one data type (`patchUnifiedApiScopes`, which replaces that type's selection). */
export const dataFieldsKind: KindHandler<DataFieldsInputs, DataFieldsOutputs> = {
  diff(olds, news) {
    const changes: TerraChange[] = [];
    const unverifiable: Unverifiable[] = [];
    diffDataFields(
      desiredWith(news, { data: { fields: [{ dataType: news.dataType, fields: news.fields }] } }),
      observedWith({ data: { fields: { [olds.dataType ?? news.dataType]: olds.fields ?? [] } } }),
      changes,
      unverifiable,
    );
    const replaces = changedKeys<DataFieldsInputs>(olds, news, ['devId', 'dataType']);
    const updated = changes.length > 0 || changedKeys<DataFieldsInputs>(olds, news, [...COMMON_UPDATE_KEYS]).length > 0;
    return { changes: replaces.length > 0 || updated, replaces };
  },
  async create(inputs) {
    return { id: `${inputs.devId}/data-fields/${inputs.dataType}`, outs: await write(inputs) };
  },
  async read(id, props) {
    const outs: DataFieldsOutputs = { ...props, fields: await liveFields(props) };
    return { id, props: outs, inputs: outs };
  },
  async update(_id, _olds, news) {
    return { outs: await write(news) };
  },
  async delete() {
    // Retained: the admin API has no way back to Terra's default field selection.
  },
};

async function write(inputs: DataFieldsInputs): Promise<DataFieldsOutputs> {
  await executeDataCall(adminClient(inputs.adminBaseUrl), inputs.devId, { op: 'patchUnifiedApiScopes', dataType: inputs.dataType, fields: inputs.fields });
  return { ...commonOf(inputs), kind: 'dataFields', dataType: inputs.dataType, fields: await liveFields(inputs) };
}

async function liveFields(inputs: DataFieldsInputs): Promise<string[]> {
  const live = observedScopes(await adminClient(inputs.adminBaseUrl).listUnifiedApiScopes(inputs.devId));
  return [...(live.fields?.[inputs.dataType] ?? [])];
}
