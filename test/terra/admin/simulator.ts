import type { SecretRef } from '../../../src/model/secret-ref';
import type { AppliedVersions } from '../../../src/terra/admin/applied-versions';
import type { DesiredTerraState } from '../../../src/terra/admin/desired';
import type { ObservedCredentials, ObservedDestination, ObservedScopes, ObservedSource, ObservedTerraState } from '../../../src/terra/admin/observed';
import type { AdminCall } from '../../../src/terra/admin/plan-calls';

/** The name a reference points at, as a key into a test's table of secret values. */
export function refKey(ref: SecretRef): string {
  return 'fromEnv' in ref ? `env:${ref.fromEnv}` : `stack:${ref.fromStackConfig}`;
}

/** Terra's mask of a stored secret: `****` and the last four characters (setSourceCredentials example). */
export function maskOf(value: string): string {
  return `****${value.slice(-4)}`;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * A small model of what Terra does with each admin call (not Terra): listSources lists enabled providers,
 * credential and scope writes are full replaces, a destination's URL never changes in place. A call on a
 * destination that does not exist throws, so a planning bug cannot pass silently.
 */
export function simulate(observed: ObservedTerraState, calls: readonly AdminCall[], resolve: (ref: SecretRef) => string): ObservedTerraState {
  let sources: ObservedSource[] = observed.sources.map((s) => ({ ...s }));
  let credentials: ObservedCredentials[] = [...observed.credentials];
  let scopes: ObservedScopes[] = [...observed.scopes];
  let destinations: ObservedDestination[] = observed.destinations.map((d) => ({ ...d }));
  let nextId = 1 + Math.max(1000, ...destinations.map((d) => Number(d.id)).filter(Number.isFinite));
  const destination = (id: string) => {
    const found = destinations.find((d) => d.id === id);
    if (!found) throw new Error(`no destination ${id} to change`);
    return found;
  };
  for (const call of calls) {
    switch (call.op) {
      case 'enableSource':
        if (sources.some((s) => same(s.provider, call.adminCode))) sources = sources.map((s) => (same(s.provider, call.adminCode) ? { ...s, active: true } : s));
        else sources.push({ provider: call.adminCode, active: true });
        break;
      case 'disableSource':
        sources = sources.filter((s) => !same(s.provider, call.adminCode));
        break;
      case 'setSourceCredentials':
        credentials = credentials.filter((c) => !same(c.provider, call.adminCode));
        credentials.push({ provider: call.adminCode, hasCredentials: true, terraOwned: false, clientId: call.body.clientId, secretMask: maskOf(resolve(call.body.clientSecret)) });
        break;
      case 'setSourceScopes':
        scopes = scopes.filter((s) => !same(s.provider, call.adminCode));
        scopes.push({ provider: call.adminCode, scopes: [...call.scopes] });
        break;
      case 'createDestination':
        destinations.push({ id: String(nextId++), type: 'webhook', url: call.url, active: call.active, eventTypes: call.eventTypes ? [...call.eventTypes] : [] });
        break;
      case 'patchDestination': {
        const target = destination(call.destinationId);
        if (call.active !== undefined) target.active = call.active;
        if (call.eventTypes !== undefined) target.eventTypes = [...call.eventTypes];
        break;
      }
      case 'deleteDestination':
        destination(call.destinationId);
        destinations = destinations.filter((d) => d.id !== call.destinationId);
        break;
    }
  }
  return { ...observed, sources, credentials, scopes, destinations };
}

/** What a successful apply records: the declared rotation triggers. */
export function recordedVersions(desired: DesiredTerraState): AppliedVersions {
  const applied: AppliedVersions = {};
  if (desired.webhook?.signingSecretVersion !== undefined) applied.signingSecretVersion = desired.webhook.signingSecretVersion;
  const secretVersions = Object.fromEntries(desired.credentials.flatMap((c) => (c.secretVersion === undefined ? [] : [[c.provider, c.secretVersion]])));
  if (Object.keys(secretVersions).length > 0) applied.secretVersions = secretVersions;
  return applied;
}

export const EMPTY: ObservedTerraState = { sources: [], credentials: [], scopes: [], destinations: [] };
