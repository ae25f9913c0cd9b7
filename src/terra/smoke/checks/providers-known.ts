import { didYouMean } from '../../../core/did-you-mean';
import type { SmokeCheck } from '../smoke-context';
import { describeError, fail, pass, skip } from './outcomes';

/** Every declared code must be in Terra's web (`providers`) or SDK (`sdk_providers`/`sdk_resource`) list. */
export const providersKnown: SmokeCheck = {
  id: 'providers.known',
  description: "Every declared provider code is in Terra's list of web (`providers`) or SDK (`sdk_providers`/`sdk_resource`) providers.",
  async run({ shared, target }) {
    if (target.providers.length === 0) return skip(`no providers declared in config/${target.environment}.yaml`);
    let known: Set<string>;
    try {
      const catalog = await shared.integrations();
      known = new Set([...catalog.providers, ...catalog.sdkProviders]);
    } catch (error) {
      return skip(`not checked: Terra's provider list could not be read (${describeError(error)}; see api.reachable)`);
    }
    const unknown = target.providers.map((p) => p.code).filter((code) => !known.has(code));
    if (unknown.length === 0) return pass(`all ${target.providers.length} declared providers are known to Terra`);
    const named = unknown.map((code) => {
      const close = didYouMean(code, known);
      return close ? `${code} (did you mean ${close}?)` : code;
    });
    return fail(`Terra does not list ${named.join(', ')}; fix or remove these codes under providers: in config/${target.environment}.yaml`);
  },
};
