import type { TerraChange, Unverifiable } from '../../terra/admin/changes';
import { executeDataCall } from '../../terra/admin/apply-calls-data';
import { diffDataTypes } from '../../terra/admin/diff-data';
import { observedScopes } from '../../terra/admin/live-data';
import { adminClient, changedKeys, commonOf, COMMON_UPDATE_KEYS, defined, desiredWith, observedWith, type CommonInputs, type KindHandler } from './terra-kind-common';

export interface DataTypesInputs extends CommonInputs {
  kind: 'dataTypes';
  /** Upper case, sorted, without ATHLETE; absent: not managed (Terra's selection is kept). */
  types?: string[];
  /** The SAMPLES token; absent: not managed. */
  samples?: boolean;
}

/** The inputs, with `types` and `samples` as Terra holds them (whether managed or not). */
export type DataTypesOutputs = DataTypesInputs;

/** Which data types the environment collects, and the samples flag (`putUnifiedApiScopes`, a full replace). */
export const dataTypesKind: KindHandler<DataTypesInputs, DataTypesOutputs> = {
  diff(olds, news) {
    const changes: TerraChange[] = [];
    const unverifiable: Unverifiable[] = [];
    const data = { fields: [], ...defined({ types: news.types, samples: news.samples }) };
    diffDataTypes(desiredWith(news, { data }), observedWith({ data: defined({ types: olds.types ?? [], samples: olds.samples }) }), changes, unverifiable);
    const replaces = changedKeys<DataTypesInputs>(olds, news, ['devId']);
    const updated = changes.length > 0 || changedKeys<DataTypesInputs>(olds, news, [...COMMON_UPDATE_KEYS]).length > 0;
    return { changes: replaces.length > 0 || updated, replaces };
  },
  async create(inputs) {
    return { id: `${inputs.devId}/data-types`, outs: await write(inputs) };
  },
  async read(id, props) {
    // Props only: the outputs hold Terra's values under the input keys, so they cannot tell which were managed.
    return { id, props: { ...props, ...(await liveOf(props)) } };
  },
  async update(_id, _olds, news) {
    return { outs: await write(news) };
  },
  async delete() {
    // Retained: the only reset, PUT [], "clears the selection down to ATHLETE", which stops the data flowing.
  },
};

async function write(inputs: DataTypesInputs): Promise<DataTypesOutputs> {
  await executeDataCall(adminClient(inputs.adminBaseUrl), inputs.devId, defined({ op: 'putUnifiedApiScopes' as const, types: inputs.types, samples: inputs.samples }));
  return { ...commonOf(inputs), kind: 'dataTypes', ...(await liveOf(inputs)) };
}

async function liveOf(inputs: DataTypesInputs): Promise<{ types: string[]; samples: boolean }> {
  const live = observedScopes(await adminClient(inputs.adminBaseUrl).listUnifiedApiScopes(inputs.devId));
  return { types: [...(live.types ?? [])], samples: live.samples ?? false };
}
