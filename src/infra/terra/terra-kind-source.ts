import { diffSources } from '../../terra/admin/diff-sources';
import { sameCode } from '../../terra/admin/normalize';
import type { TerraChange, Unverifiable } from '../../terra/admin/changes';
import { adminClient, changedKeys, commonOf, COMMON_UPDATE_KEYS, defined, desiredWith, isNotFound, observedWith, TerraResourceError, type CommonInputs, type KindHandler } from './terra-kind-common';

export interface SourceInputs extends CommonInputs {
  kind: 'source';
  /** As config/ spells it: `GARMIN`. */
  provider: string;
  /** The admin path code: `garmin`. */
  adminCode: string;
  enabled: boolean;
}

export interface SourceOutputs extends SourceInputs {
  authRedirectUrl?: string;
  notices: string[];
}

/** One provider on (`enableSource`) or off (`disableSource`); an already enabled source is adopted as is. */
export const sourceKind: KindHandler<SourceInputs, SourceOutputs> = {
  diff(olds, news) {
    const replaces = changedKeys<SourceInputs>(olds, news, ['devId', 'adminCode']);
    const changes: TerraChange[] = [];
    const unverifiable: Unverifiable[] = [];
    diffSources(
      desiredWith(news, { declared: [news.adminCode], sources: [{ provider: news.provider, adminCode: news.adminCode, enabled: news.enabled }] }),
      observedWith({ sources: olds.enabled ? [{ provider: olds.adminCode, active: true }] : [] }),
      changes,
      unverifiable,
    );
    const updated = changes.length > 0 || changedKeys<SourceInputs>(olds, news, [...COMMON_UPDATE_KEYS, 'provider']).length > 0;
    return { changes: replaces.length > 0 || updated, replaces };
  },
  async create(inputs) {
    return { id: `${inputs.devId}/sources/${inputs.adminCode}`, outs: await apply(inputs) };
  },
  async read(id, props) {
    const { sources, notices } = await adminClient(props.adminBaseUrl).listSources(props.devId);
    const live = sources.find((s) => s.provider !== undefined && sameCode(s.provider, props.adminCode));
    // Not listed means not enabled, not gone: the id stays.
    const enabled = live !== undefined && live.active !== false;
    const inputs: SourceInputs = { ...commonOf(props), kind: 'source', provider: props.provider, adminCode: props.adminCode, enabled };
    return { id, props: defined({ ...inputs, authRedirectUrl: live?.auth_redirect_url, notices }), inputs };
  },
  async update(_id, _olds, news) {
    return { outs: await apply(news) };
  },
  async delete(_id, props) {
    await disable(props);
  },
};

async function apply(inputs: SourceInputs): Promise<SourceOutputs> {
  const client = adminClient(inputs.adminBaseUrl);
  const { sources, notices } = await client.listSources(inputs.devId);
  const live = sources.find((s) => s.provider !== undefined && sameCode(s.provider, inputs.adminCode));
  const active = live !== undefined && live.active !== false;
  if (inputs.enabled && !active) {
    const answer = await client.enableSource(inputs.devId, inputs.adminCode);
    if (!answer.active) throw new TerraResourceError(`${inputs.environment}: Terra answered enableSource for ${inputs.provider} without making it active`);
  }
  if (!inputs.enabled && active) await disable(inputs);
  const own: SourceInputs = { ...commonOf(inputs), kind: 'source', provider: inputs.provider, adminCode: inputs.adminCode, enabled: inputs.enabled };
  return defined({ ...own, authRedirectUrl: live?.auth_redirect_url, notices });
}

/** `disableSource`; 404 `not_found` means it is off already. */
async function disable(inputs: SourceInputs): Promise<void> {
  try {
    await adminClient(inputs.adminBaseUrl).disableSource(inputs.devId, inputs.adminCode);
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}
