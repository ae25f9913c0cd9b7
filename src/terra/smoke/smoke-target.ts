import type { Tier } from '../../catalog/environment-limits';
import { findProvider } from '../../catalog/providers';
import { DEFAULT_TERRA_API_BASE_URL } from '../../catalog/terra-hosts';
import { declaredProviders, isProviderEnabled } from '../../model/enabled-providers';
import type { Environment } from '../../model/environment';
import type { DeclaredProvider, SmokeTarget } from './smoke-types';

/** The providers an environment declares, with their surface from the catalog: what the smoke test checks. */
export function smokeProviders(environment: Pick<Environment, 'providers'>): DeclaredProvider[] {
  return declaredProviders(environment).map(([code, settings]) => ({
    code,
    enabled: isProviderEnabled(settings),
    surface: findProvider(code)?.surface ?? 'unknown',
  }));
}

/**
 * Base URL precedence (docs/smoke-test.md): the flag, then TERRA_API_BASE_URL, then the
 * environment's `terra.apiBaseUrl`, then Terra's default host.
 */
export function resolveApiBaseUrl(flag: string | undefined, envVar: string | undefined, configured: string | undefined): string {
  return flag || envVar || configured || DEFAULT_TERRA_API_BASE_URL;
}

/** What `buildSmokeTarget` needs beyond the validated model. */
export interface TargetInputs {
  name: string;
  model: Environment;
  tier?: Tier;
  apiKey: string;
  signingSecret?: string;
  /** Already resolved with `resolveApiBaseUrl`. */
  apiBaseUrl: string;
  /** Overrides `webhook.url` (e.g. `--webhook-url`). */
  webhookUrl?: string;
}

export function buildSmokeTarget(inputs: TargetInputs): SmokeTarget {
  return {
    environment: inputs.name,
    tier: inputs.tier,
    devId: inputs.model.terra.devId,
    apiBaseUrl: inputs.apiBaseUrl,
    apiKey: inputs.apiKey,
    signingSecret: inputs.signingSecret,
    webhookUrl: inputs.webhookUrl ?? inputs.model.webhook?.url,
    providers: smokeProviders(inputs.model),
  };
}
