import { describe, expect, it } from 'vitest';
import { desiredTerraState } from '../../../src/terra/admin/desired';
import { diffTerraState } from '../../../src/terra/admin/diff';
import type { ObservedTerraState } from '../../../src/terra/admin/observed';
import { DESIRED, HOOK, inSyncObserved, lookup, modelOf, observedWith, withWebhook } from './fixtures';

describe('diffTerraState: webhook', () => {
  type Dest = ObservedTerraState['destinations'][number];
  const ID = '1937255512398764032';
  const hook = (d: Partial<Dest>) => observedWith((o) => ({ destinations: o.destinations.map((x) => (x.id === ID ? { ...x, ...d } : x)) }));
  const hookChanges = (observed: ObservedTerraState, desired = DESIRED, applied?: Parameters<typeof diffTerraState>[3]) =>
    diffTerraState(desired, observed, lookup, applied).changes.filter((c) => c.object === 'webhook');

  it.each([
    { name: 'inactive in Terra', live: { active: false }, action: 'update', fields: [{ name: 'active', from: false, to: true }] },
    { name: 'other event types', live: { eventTypes: ['sleep', 'daily'] }, action: 'update', fields: [{ name: 'event_types', from: ['daily', 'sleep'], to: ['activity', 'sleep'] }] },
    { name: 'every event type in Terra, a list declared', live: { eventTypes: [] }, action: 'update', fields: [{ name: 'event_types', from: '[all]', to: ['activity', 'sleep'] }] },
    { name: 'another URL: a new destination', live: { url: 'https://old.acme.example/terra' }, action: 'replace', fields: [{ name: 'url', from: 'https://old.acme.example/terra', to: HOOK }] },
  ])('$name', ({ live, action, fields }) => {
    expect(hookChanges(hook(live))).toEqual([{ object: 'webhook', key: HOOK, action, fields, destinationId: ID }]);
  });

  it('the same URL spelled differently is the same destination (no replacement, no new secret)', () => {
    expect(hookChanges(hook({ url: 'HTTPS://Hooks.Acme.Example:443/terra/' }))).toEqual([]);
    expect(hookChanges(hook({ url: 'https://hooks.acme.example/terra?v=2' }))[0]!.action).toBe('replace');
  });

  it('missing: created; other types of destination are left alone', () => {
    expect(hookChanges(observedWith((o) => ({ destinations: o.destinations.filter((d) => d.type !== 'webhook') })))).toEqual([
      {
        object: 'webhook',
        key: HOOK,
        action: 'create',
        fields: [
          { name: 'url', from: null, to: HOOK },
          { name: 'active', from: null, to: true },
          { name: 'event_types', from: null, to: ['activity', 'sleep'] },
        ],
      },
    ]);
  });

  it('another webhook destination is undeclared and deleted', () => {
    const extra = { id: '7', type: 'webhook', url: 'https://webhook.site/abc', active: true };
    expect(hookChanges(observedWith((o) => ({ destinations: [...o.destinations, extra] })))).toEqual([
      { object: 'webhook', key: extra.url, action: 'delete', fields: [{ name: 'url', from: extra.url, to: null }], destinationId: '7' },
    ]);
  });

  it('back to every event type, and a fired rotation trigger, replace the destination', () => {
    const all = desiredTerraState('staging', modelOf(withWebhook('')));
    expect(hookChanges(inSyncObserved(), all)).toEqual([
      { object: 'webhook', key: HOOK, action: 'replace', fields: [{ name: 'event_types', from: ['activity', 'sleep'], to: '[all]' }], destinationId: ID },
    ]);
    const rotated = desiredTerraState('staging', modelOf(withWebhook('eventTypes: [activity, sleep]\n  signingSecretVersion: 2')));
    expect(hookChanges(inSyncObserved(), rotated, { signingSecretVersion: 1 })).toEqual([
      { object: 'webhook', key: HOOK, action: 'replace', fields: [{ name: 'signing_secret_version', from: 1, to: 2 }], destinationId: ID },
    ]);
    expect(hookChanges(inSyncObserved(), rotated, { signingSecretVersion: 2 })).toEqual([]);
    expect(hookChanges(inSyncObserved(), rotated)).toEqual([]);
    expect(diffTerraState(rotated, inSyncObserved()).unverifiable).toContainEqual({ object: 'webhook', key: HOOK, field: 'signing_secret_version', reason: expect.stringContaining('rotates nothing') });
  });

  it('no webhook declared: every webhook destination goes', () => {
    const none = { ...DESIRED, webhook: undefined };
    expect(hookChanges(inSyncObserved(), none)).toEqual([
      { object: 'webhook', key: HOOK, action: 'delete', fields: [{ name: 'url', from: HOOK, to: null }], destinationId: ID },
    ]);
  });
});

