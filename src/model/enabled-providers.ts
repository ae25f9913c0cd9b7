import type { Environment } from './environment';
import type { ProviderSettings } from './providers';

/** A declared provider is on unless it says `enabled: false`; this set is what Terra must have enabled. */
export function isProviderEnabled(settings: ProviderSettings | undefined): settings is ProviderSettings {
  return settings !== undefined && settings.enabled !== false;
}

/** Every provider an environment declares (on or off), by code, with its settings. */
export function declaredProviders(model: Pick<Environment, 'providers'>): [code: string, settings: ProviderSettings][] {
  return Object.entries(model.providers).filter((entry): entry is [string, ProviderSettings] => entry[1] !== undefined);
}

/** The enabled providers of an environment: declared and not `enabled: false`. */
export function enabledProviders(model: Pick<Environment, 'providers'>): [code: string, settings: ProviderSettings][] {
  return declaredProviders(model).filter(([, settings]) => isProviderEnabled(settings));
}

export function enabledProviderCodes(model: Pick<Environment, 'providers'>): string[] {
  return enabledProviders(model).map(([code]) => code);
}
