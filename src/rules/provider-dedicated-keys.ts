import { findProvider, type ProviderFacts } from '../catalog/providers';
import { SOURCES } from '../catalog/sources';
import type { ProviderSettings } from '../model/providers';
import type { Rule, RuleContext } from '../validate/rule-contract';
import { declaredProviders, isProviderEnabled } from '../model/enabled-providers';
import { modeledEnvironments, type ModeledEnvironment } from './util/environments';

/**
 * Terra's "Integration credentials" column: some providers only work on your own keys (Huawei's widget
 * redirects 500 until they are set up), some have no keys to bring at all.
 */
export const providerDedicatedKeys: Rule = {
  id: 'provider-dedicated-keys',
  severity: 'error',
  description:
    'Providers whose credentials Terra marks "required" need `dedicatedKeys` (a warning when that fact is UNCONFIRMED); providers marked "not applicable" take none; providers that need a direct partnership are noted (info).',
  source: `${SOURCES.supportedIntegrations}; ${SOURCES.dedicatedKeys}; ${SOURCES.funFacts}`,
  fix: 'Add `dedicatedKeys` (your own client id and a secret reference) where Terra requires them, remove them where they do not apply, or set `enabled: false`.',
  check(ctx) {
    for (const env of modeledEnvironments(ctx)) {
      for (const [code, settings] of declaredProviders(env.model)) {
        const facts = findProvider(code);
        if (facts) checkProvider(ctx, env, facts, settings);
      }
    }
  },
};

function checkProvider(ctx: RuleContext, env: ModeledEnvironment, facts: ProviderFacts, settings: ProviderSettings): void {
  const path = ['providers', facts.code];
  const partnership = facts.partnership ? ' (keys come from a partnership agreed directly with the provider)' : '';
  if (settings.dedicatedKeys && facts.credentials === 'not-applicable') {
    ctx.report(env.file, {
      path: [...path, 'dedicatedKeys'],
      target: 'key',
      message: `\`${facts.code}\` (${facts.name}) takes no dedicated keys: Terra lists its credentials as not applicable`,
      hint: `remove providers.${facts.code}.dedicatedKeys`,
    });
    return;
  }
  if (!isProviderEnabled(settings)) return;
  if (!settings.dedicatedKeys && facts.credentials === 'required') {
    ctx.report(env.file, {
      path,
      target: 'key',
      severity: facts.confirmed ? 'error' : 'warning',
      message: `\`${facts.code}\` (${facts.name}) only works with dedicated keys${partnership}${facts.confirmed ? '' : '; this fact is UNCONFIRMED'}`,
      hint: `add providers.${facts.code}.dedicatedKeys with your own client id and a secret reference, or set \`enabled: false\``,
    });
    return;
  }
  if (settings.dedicatedKeys && facts.partnership) {
    ctx.report(env.file, {
      path: [...path, 'dedicatedKeys'],
      target: 'key',
      severity: 'info',
      message: `\`${facts.code}\` (${facts.name}) needs a partnership agreed directly with the provider before these keys work`,
      hint: 'keep the partnership agreement with the provider current; Terra cannot issue these keys',
    });
  }
}
