import type { ProcessingFormat } from '../../catalog/data-types';
import type { TerraChange, Unverifiable } from '../../terra/admin/changes';
import { executeDataCall } from '../../terra/admin/apply-calls-data';
import { diffProcessing } from '../../terra/admin/diff-data';
import { adminClient, changedKeys, commonOf, COMMON_UPDATE_KEYS, desiredWith, observedWith, type CommonInputs, type KindHandler } from './terra-kind-common';

export interface ProcessingInputs extends CommonInputs {
  kind: 'processing';
  type: ProcessingFormat;
}

export interface ProcessingOutputs extends CommonInputs {
  kind: 'processing';
  /** The `selected` row of listProcessing; null when none is. */
  type: ProcessingFormat | null;
}

/** The payloads' output format (`setProcessing`). */
export const processingKind: KindHandler<ProcessingInputs, ProcessingOutputs> = {
  diff(olds, news) {
    const changes: TerraChange[] = [];
    const unverifiable: Unverifiable[] = [];
    diffProcessing(desiredWith(news, { data: { fields: [], processing: news.type } }), observedWith({ data: { processing: olds.type ?? null } }), changes, unverifiable);
    const replaces = changedKeys<ProcessingInputs>(olds as Partial<ProcessingInputs>, news, ['devId']);
    const updated = changes.length > 0 || changedKeys<ProcessingInputs>(olds as Partial<ProcessingInputs>, news, [...COMMON_UPDATE_KEYS]).length > 0;
    return { changes: replaces.length > 0 || updated, replaces };
  },
  async create(inputs) {
    return { id: `${inputs.devId}/processing`, outs: await write(inputs) };
  },
  async read(id, props) {
    const outs: ProcessingOutputs = { ...props, type: await selected(props) };
    return { id, props: outs, inputs: outs };
  },
  async update(_id, _olds, news) {
    return { outs: await write(news) };
  },
  async delete() {
    // Retained: every environment has some processing format; there is nothing to remove.
  },
};

async function write(inputs: ProcessingInputs): Promise<ProcessingOutputs> {
  await executeDataCall(adminClient(inputs.adminBaseUrl), inputs.devId, { op: 'setProcessing', type: inputs.type });
  return { ...commonOf(inputs), kind: 'processing', type: await selected(inputs) };
}

async function selected(inputs: CommonInputs): Promise<ProcessingFormat | null> {
  const rows = await adminClient(inputs.adminBaseUrl).listProcessing(inputs.devId);
  return rows.find((r) => r.selected)?.type ?? null;
}
