import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SecretRef } from '../../../src/model/secret-ref';
import type { AdminObject, TerraDiff } from '../../../src/terra/admin/changes';
import { desiredTerraState, type DesiredTerraState } from '../../../src/terra/admin/desired';
import { diffTerraState } from '../../../src/terra/admin/diff';
import type { ObservedTerraState } from '../../../src/terra/admin/observed';
import { planCalls } from '../../../src/terra/admin/plan-calls';
import { environmentArb, observedArb, secretsArb, URLS, withCompleteReads } from './arbitraries';
import { maskOf, recordedVersions, refKey, simulate } from './simulator';

const RUNS = { numRuns: 300 };

interface World {
  desired: DesiredTerraState;
  /** What apply resolves at call time (it always has every value). */
  resolve: (ref: SecretRef) => string;
  /** What the diff may see (drift may lack some values). */
  lookup: (ref: SecretRef) => string | undefined;
}

const worldArb = fc.record({ model: environmentArb, secrets: secretsArb }).map(({ model, secrets }): World => {
  const visible = new Set(secrets.visible);
  return {
    desired: desiredTerraState('prop', model),
    resolve: (ref) => secrets.values[refKey(ref)]!,
    lookup: (ref) => (visible.has(refKey(ref)) ? secrets.values[refKey(ref)] : undefined),
  };
});

/** Diff, plan, apply through the simulator, record the versions, as one `apply` run does. */
function applyOnce(world: World, observed: ObservedTerraState, applied = {}) {
  const before = diffTerraState(world.desired, observed, world.lookup, applied);
  const calls = planCalls(world.desired, before.changes);
  return { before, calls, after: simulate(observed, calls, world.resolve), applied: recordedVersions(world.desired) };
}

describe('apply converges (property)', () => {
  it('applying the planned calls and diffing again leaves no change, only unverifiable items', () => {
    fc.assert(
      fc.property(worldArb, observedArb, fc.option(fc.record({ signingSecretVersion: fc.nat(3) }), { nil: undefined }), (world, raw, applied) => {
        const observed = withCompleteReads(raw, world.desired);
        const { after, applied: recorded } = applyOnce(world, observed, applied);
        const again = diffTerraState(world.desired, after, world.lookup, recorded);
        expect(again.changes).toEqual([]);
        expect(again.inSync).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('diff and plan are idempotent (property)', () => {
  it('diffing twice gives the same result, changes no input, and an in-sync state plans no call', () => {
    fc.assert(
      fc.property(worldArb, observedArb, (world, raw) => {
        const observed = withCompleteReads(raw, world.desired);
        const frozen = JSON.stringify({ desired: world.desired, observed });
        const first = diffTerraState(world.desired, observed, world.lookup);
        expect(diffTerraState(world.desired, observed, world.lookup)).toEqual(first);
        expect(JSON.stringify({ desired: world.desired, observed })).toBe(frozen);
        expect(first.inSync).toBe(first.changes.length === 0);
        expect(planCalls(world.desired, first.changes).length > 0).toBe(!first.inSync);
        const { after, applied } = applyOnce(world, observed);
        const synced = diffTerraState(world.desired, after, world.lookup, applied);
        expect(planCalls(world.desired, synced.changes)).toEqual([]);
        expect(applyOnce(world, after, applied).calls).toEqual([]);
      }),
      RUNS,
    );
  });
});

/** An out-of-band edit of Terra, the object it touches and the field drift must name if it cannot prove it. */
interface Mutation {
  name: string;
  object: AdminObject;
  key: string;
  /** Set when drift may only list it as unverifiable (a mask without the value at hand, a kept provider). */
  unverifiableField?: string;
  observed: ObservedTerraState;
}

function mutations(world: World, synced: ObservedTerraState): Mutation[] {
  const { desired } = world;
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const out: Mutation[] = [];
  const edit = (name: string, object: AdminObject, key: string, change: Partial<ObservedTerraState>, unverifiableField?: string) =>
    out.push({ name, object, key, observed: { ...synced, ...change }, ...(unverifiableField ? { unverifiableField } : {}) });
  for (const s of desired.sources) {
    edit(
      `${s.enabled ? 'disable' : 'enable'} ${s.provider}`,
      'source',
      s.provider,
      { sources: s.enabled ? synced.sources.filter((x) => !same(x.provider, s.adminCode)) : [...synced.sources, { provider: s.adminCode, active: true }] },
    );
  }
  edit('enable an undeclared provider', 'source', 'ZWIFT', { sources: [...synced.sources, { provider: 'zwift', active: true }] }, desired.undeclaredProviders === 'keep' ? 'active' : undefined);
  for (const c of desired.credentials) {
    const credentials = (patch: object) => synced.credentials.map((x) => (same(x.provider, c.adminCode) ? { ...x, ...patch } : x));
    edit(`new client id for ${c.provider}`, 'credentials', c.provider, { credentials: credentials({ clientId: 'tampered-client' }) });
    edit(`keys removed for ${c.provider}`, 'credentials', c.provider, { credentials: credentials({ hasCredentials: false }) });
    edit(`Terra's keys for ${c.provider}`, 'credentials', c.provider, { credentials: credentials({ terraOwned: true }) });
    const mask = synced.credentials.find((x) => same(x.provider, c.adminCode))?.secretMask ?? '';
    const other = mask.endsWith('ZZZZ') ? maskOf('YYYY') : maskOf('ZZZZ');
    edit(`secret re-entered for ${c.provider}`, 'credentials', c.provider, { credentials: credentials({ secretMask: other }) }, 'client_secret');
  }
  for (const s of desired.scopes) {
    edit(`scope added for ${s.provider}`, 'scopes', s.provider, {
      scopes: synced.scopes.map((x) => (same(x.provider, s.adminCode) ? { ...x, scopes: [...x.scopes, 'tampered:scope'] } : x)),
    });
  }
  const hook = desired.webhook;
  const live = hook && synced.destinations.find((d) => d.type === 'webhook' && d.url === hook.url);
  if (hook && live) {
    const destinations = (patch: object) => synced.destinations.map((d) => (d === live ? { ...d, ...patch } : d));
    edit('destination deleted', 'webhook', hook.url, { destinations: synced.destinations.filter((d) => d !== live) });
    edit('destination URL changed', 'webhook', hook.url, { destinations: destinations({ url: URLS.find((u) => u !== hook.url)! }) });
    edit('destination toggled', 'webhook', hook.url, { destinations: destinations({ active: !live.active }) });
    edit('event types changed', 'webhook', hook.url, { destinations: destinations({ eventTypes: hook.eventTypes ? [] : ['sleep'] }) });
  }
  const extra = { id: '1', type: 'webhook', url: 'https://webhook.site/tampered', active: true };
  edit('a webhook destination added', 'webhook', extra.url, { destinations: [...synced.destinations, extra] });
  return out;
}

function detected(diff: TerraDiff, m: Mutation): boolean {
  const sameKey = (k: string) => k.toLowerCase() === m.key.toLowerCase();
  if (diff.changes.some((c) => c.object === m.object && sameKey(c.key))) return true;
  return m.unverifiableField !== undefined && diff.unverifiable.some((u) => u.object === m.object && sameKey(u.key) && u.field === m.unverifiableField);
}

describe('out-of-band edits are never silently in sync (property)', () => {
  it('every edit of an in-sync Terra shows as a change, or as unverifiable on the edited field', () => {
    fc.assert(
      fc.property(worldArb, observedArb, fc.nat(), (world, raw, pick) => {
        const { after: synced, applied } = applyOnce(world, withCompleteReads(raw, world.desired));
        expect(diffTerraState(world.desired, synced, world.lookup, applied).inSync).toBe(true);
        const all = mutations(world, synced);
        const m = all[pick % all.length]!;
        const diff = diffTerraState(world.desired, m.observed, world.lookup, applied);
        expect(detected(diff, m), m.name).toBe(true);
        if (m.unverifiableField === 'client_secret') {
          const value = world.lookup(world.desired.credentials.find((c) => c.provider === m.key)!.clientSecret);
          // With the value at hand and a readable mask, a re-entered secret is a certain change, not a shrug.
          if (value !== undefined && !/[*•]/.test(value.slice(-4))) expect(diff.changes.some((c) => c.object === 'credentials' && c.key === m.key), m.name).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
