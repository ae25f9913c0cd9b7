import type { Environment } from './environment';
import type { ProviderSettings } from './providers';

type ProviderEntry = [code: string, settings: ProviderSettings];

/** A declared provider is on unless it says `enabled: false`; this set is what Terra must have enabled. */
export function isProviderEnabled(settings: ProviderSettings | undefined): settings is ProviderSettings {
  return settings !== undefined && settings.enabled !== false;
}

/**
 * Per `providers` map, its declared and enabled entries: a dozen rules ask for them per environment. Loaded
 * models are never changed afterwards, so an entry never goes stale.
 */
const entriesByProviders = new WeakMap<object, { declared: readonly ProviderEntry[]; enabled: readonly ProviderEntry[] }>();

function entriesOf(model: Pick<Environment, 'providers'>) {
  let entries = entriesByProviders.get(model.providers);
  if (!entries) {
    const declared = Object.entries(model.providers).filter((entry): entry is ProviderEntry => entry[1] !== undefined);
    entries = { declared, enabled: declared.filter(([, settings]) => isProviderEnabled(settings)) };
    entriesByProviders.set(model.providers, entries);
  }
  return entries;
}

/** Every provider an environment declares (on or off), by code, with its settings: a new list the caller may sort. */
export function declaredProviders(model: Pick<Environment, 'providers'>): ProviderEntry[] {
  return entriesOf(model).declared.slice();
}

/** The enabled providers of an environment: declared and not `enabled: false`. */
export function enabledProviders(model: Pick<Environment, 'providers'>): readonly ProviderEntry[] {
  return entriesOf(model).enabled;
}

export function enabledProviderCodes(model: Pick<Environment, 'providers'>): string[] {
  return enabledProviders(model).map(([code]) => code);
}
