import type { TerraChange, Unverifiable } from '../../terra/admin/changes';
import type { UndeclaredProviders } from '../../terra/admin/desired';
import { diffSources } from '../../terra/admin/diff-sources';
import { sameCode } from '../../terra/admin/normalize';
import { adminClient, changedKeys, commonOf, COMMON_UPDATE_KEYS, desiredWith, isNotFound, observedWith, type CommonInputs, type KindHandler } from './terra-kind-common';

export interface UndeclaredInputs extends CommonInputs {
  kind: 'undeclared';
  /** Admin codes of every provider config/ declares. */
  declared: string[];
  policy: UndeclaredProviders;
}

export interface UndeclaredOutputs extends UndeclaredInputs {
  /** Enabled in Terra but not declared, as last seen (after this resource acted). */
  enabledUndeclared: string[];
  /** What the last create or update disabled. */
  disabled: string[];
}

/** Disables sources Terra has on that config/ does not declare, unless `terra.admin.undeclaredProviders: keep`. */
export const undeclaredKind: KindHandler<UndeclaredInputs, UndeclaredOutputs> = {
  diff(olds, news) {
    const changes: TerraChange[] = [];
    const unverifiable: Unverifiable[] = [];
    diffSources(
      desiredWith(news, { declared: news.declared, undeclaredProviders: news.policy }),
      observedWith({ sources: (olds.enabledUndeclared ?? []).map((provider) => ({ provider, active: true })) }),
      changes,
      unverifiable,
    );
    const replaces = changedKeys<UndeclaredInputs>(olds, news, ['devId']);
    const updated = changes.length > 0 || changedKeys<UndeclaredInputs>(olds, news, [...COMMON_UPDATE_KEYS, 'declared', 'policy']).length > 0;
    return { changes: replaces.length > 0 || updated, replaces };
  },
  async create(inputs) {
    return { id: `${inputs.devId}/undeclared-sources`, outs: await guard(inputs) };
  },
  async read(id, props) {
    return { id, props: { ...props, enabledUndeclared: await undeclared(props) } };
  },
  async update(_id, _olds, news) {
    return { outs: await guard(news) };
  },
  async delete() {
    // A guard leaves nothing behind; the sources it disabled stay off.
  },
};

async function undeclared(inputs: UndeclaredInputs): Promise<string[]> {
  const { sources } = await adminClient(inputs.adminBaseUrl).listSources(inputs.devId);
  const codes = sources.filter((s) => s.provider !== undefined && s.active !== false && !inputs.declared.some((d) => sameCode(d, s.provider!))).map((s) => s.provider!.toLowerCase());
  return [...new Set(codes)].sort();
}

async function guard(inputs: UndeclaredInputs): Promise<UndeclaredOutputs> {
  const found = await undeclared(inputs);
  const disabled: string[] = [];
  if (inputs.policy === 'disable') {
    for (const code of found) {
      try {
        await adminClient(inputs.adminBaseUrl).disableSource(inputs.devId, code);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
      disabled.push(code);
    }
  }
  const own: UndeclaredInputs = { ...commonOf(inputs), kind: 'undeclared', declared: inputs.declared, policy: inputs.policy };
  return { ...own, enabledUndeclared: inputs.policy === 'disable' ? [] : found, disabled };
}
