import type { DesiredTerraState } from './desired';
import { catalogCodeOf, normalizeScopes, sameCode, sameList } from './normalize';
import { unreadReason, type ObservedTerraState } from './observed';
import type { TerraChange, Unverifiable } from './changes';

const NOT_READ = 'not read from Terra';

/** Sources on or off as declared; enabled providers config/ does not declare off, unless the policy keeps them. */
export function diffSources(desired: DesiredTerraState, observed: ObservedTerraState, changes: TerraChange[], unverifiable: Unverifiable[]): void {
  const all = unreadReason(observed, 'source', '*');
  if (all !== undefined) {
    for (const s of desired.sources) unverifiable.push({ object: 'source', key: s.provider, reason: all });
    return;
  }
  for (const source of desired.sources) {
    const unread = unreadReason(observed, 'source', source.provider) ?? unreadReason(observed, 'source', source.adminCode);
    if (unread !== undefined) {
      unverifiable.push({ object: 'source', key: source.provider, reason: unread });
      continue;
    }
    const active = observed.sources.some((live) => sameCode(live.provider, source.adminCode) && live.active);
    if (active === source.enabled) continue;
    changes.push({
      object: 'source',
      key: source.provider,
      action: source.enabled ? 'enable' : 'disable',
      fields: [{ name: 'active', from: active, to: source.enabled }],
      adminCode: source.adminCode,
    });
  }
  const undeclared = observed.sources.filter((live) => live.active && !desired.declared.some((code) => sameCode(code, live.provider)));
  for (const live of dedupe(undeclared.map((l) => l.provider))) {
    const key = catalogCodeOf(live) ?? live;
    if (desired.undeclaredProviders === 'keep') {
      unverifiable.push({ object: 'source', key, field: 'active', reason: 'enabled in Terra but not declared; kept (terra.admin.undeclaredProviders: keep)' });
    } else {
      changes.push({ object: 'source', key, action: 'disable', fields: [{ name: 'active', from: true, to: false }], adminCode: live });
    }
  }
}

/** Custom scopes of every enabled source, compared as sets. */
export function diffScopes(desired: DesiredTerraState, observed: ObservedTerraState, changes: TerraChange[], unverifiable: Unverifiable[]): void {
  for (const want of desired.scopes) {
    const live = observed.scopes.find((s) => sameCode(s.provider, want.adminCode));
    const unread = unreadReason(observed, 'scopes', want.provider) ?? unreadReason(observed, 'scopes', want.adminCode);
    if (unread !== undefined || !live) {
      unverifiable.push({ object: 'scopes', key: want.provider, reason: unread ?? NOT_READ });
      continue;
    }
    const have = normalizeScopes(want.provider, live.scopes);
    if (sameList(have, want.scopes)) continue;
    changes.push({
      object: 'scopes',
      key: want.provider,
      action: want.scopes.length === 0 ? 'delete' : have.length === 0 ? 'create' : 'update',
      fields: [{ name: 'scopes', from: have, to: want.scopes }],
      adminCode: want.adminCode,
    });
  }
}

/** One entry per provider however Terra cased it, in Terra's order. */
function dedupe(codes: readonly string[]): string[] {
  return codes.filter((code, i) => codes.findIndex((c) => sameCode(c, code)) === i);
}
