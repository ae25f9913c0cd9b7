import { diffScopes } from '../../terra/admin/diff-sources';
import type { TerraChange, Unverifiable } from '../../terra/admin/changes';
import { normalizeScopes } from '../../terra/admin/normalize';
import { adminClient, changedKeys, commonOf, COMMON_UPDATE_KEYS, desiredWith, isNotFound, observedWith, type CommonInputs, type KindHandler } from './terra-kind-common';

export interface ScopesInputs extends CommonInputs {
  kind: 'scopes';
  provider: string;
  adminCode: string;
  /** Normalized, sorted and unique; empty means Terra's defaults. */
  scopes: string[];
}

export type ScopesOutputs = ScopesInputs;

/** The custom OAuth scopes of one source (`setSourceScopes`, a full replace). */
export const scopesKind: KindHandler<ScopesInputs, ScopesOutputs> = {
  diff(olds, news) {
    const replaces = changedKeys<ScopesInputs>(olds, news, ['devId', 'adminCode']);
    const changes: TerraChange[] = [];
    const unverifiable: Unverifiable[] = [];
    diffScopes(
      desiredWith(news, { scopes: [{ provider: news.provider, adminCode: news.adminCode, scopes: news.scopes }] }),
      observedWith({ scopes: [{ provider: olds.adminCode, scopes: olds.scopes ?? [] }] }),
      changes,
      unverifiable,
    );
    const updated = changes.length > 0 || changedKeys<ScopesInputs>(olds, news, [...COMMON_UPDATE_KEYS, 'provider']).length > 0;
    return { changes: replaces.length > 0 || updated, replaces };
  },
  async create(inputs) {
    return { id: `${inputs.devId}/sources/${inputs.adminCode}/scopes`, outs: await write(inputs) };
  },
  async read(id, props) {
    const live = await adminClient(props.adminBaseUrl).getSourceScopes(props.devId, props.adminCode);
    const outs: ScopesOutputs = { ...props, scopes: normalizeScopes(props.provider, live.scopes) };
    return { id, props: outs, inputs: outs };
  },
  async update(_id, _olds, news) {
    return { outs: await write(news) };
  },
  async delete(_id, props) {
    // "Empty clears the provider's custom scopes."
    try {
      await adminClient(props.adminBaseUrl).setSourceScopes(props.devId, props.adminCode, []);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  },
};

async function write(inputs: ScopesInputs): Promise<ScopesOutputs> {
  const answer = await adminClient(inputs.adminBaseUrl).setSourceScopes(inputs.devId, inputs.adminCode, inputs.scopes);
  return { ...commonOf(inputs), kind: 'scopes', provider: inputs.provider, adminCode: inputs.adminCode, scopes: normalizeScopes(inputs.provider, answer.scopes) };
}
