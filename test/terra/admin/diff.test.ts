import { describe, expect, it } from 'vitest';
import type { TerraChange } from '../../../src/terra/admin/changes';
import { desiredTerraState } from '../../../src/terra/admin/desired';
import { diffTerraState } from '../../../src/terra/admin/diff';
import type { ObservedTerraState } from '../../../src/terra/admin/observed';
import { planCalls } from '../../../src/terra/admin/plan-calls';
import { DESIRED, HOOK, inSyncObserved, lookup, modelOf, observedWith, SECRETS, withGarminVersion } from './fixtures';
import { maskOf } from './simulator';

const G = 'https://www.googleapis.com/auth/';

const changesOf = (observed: ObservedTerraState, secrets?: typeof lookup) => diffTerraState(DESIRED, observed, secrets).changes;
const reasonsFor = (observed: ObservedTerraState, key: string, secrets = lookup) =>
  diffTerraState(DESIRED, observed, secrets).unverifiable.filter((u) => u.key === key).map((u) => u.reason);

describe('diffTerraState: in sync', () => {
  it('has no change, and says what it could not verify', () => {
    const diff = diffTerraState(DESIRED, inSyncObserved(), lookup);
    expect(diff.inSync).toBe(true);
    expect(diff.changes).toEqual([]);
    expect(diff.unverifiable.map((u) => [u.object, u.key, u.field])).toEqual([
      ['credentials', 'GARMIN', 'client_secret'],
      ['credentials', 'GARMIN', undefined],
      ['credentials', 'GOOGLE', 'client_secret'],
      ['credentials', 'GOOGLE', undefined],
      ['webhook', HOOK, 'signing_secret'],
    ]);
    expect(diff.unverifiable[0]!.reason).toMatch(/not proven different/);
    expect(diff.unverifiable[1]!.reason).toMatch(/redirect_url, sandbox and verification_secret cannot be read back/);
    expect(diff.notAppliable).toEqual(DESIRED.notAppliable);
  });
});

describe('diffTerraState: sources', () => {
  const cases: { name: string; sources: ObservedTerraState['sources']; policy?: 'keep'; changes: TerraChange[] }[] = [
    {
      name: 'nothing enabled: every declared source is enabled',
      sources: [],
      changes: ['GARMIN', 'GOOGLE', 'OURA'].map((p) => ({ object: 'source', key: p, action: 'enable', fields: [{ name: 'active', from: false, to: true }], adminCode: p.toLowerCase() })),
    },
    {
      name: 'Terra spells codes in upper case: still the same providers',
      sources: [
        { provider: 'GARMIN', active: true },
        { provider: 'Google', active: true },
        { provider: 'oura', active: true },
      ],
      changes: [],
    },
    {
      name: 'listed but inactive',
      sources: [
        { provider: 'garmin', active: false },
        { provider: 'google', active: true },
        { provider: 'oura', active: true },
      ],
      changes: [{ object: 'source', key: 'GARMIN', action: 'enable', fields: [{ name: 'active', from: false, to: true }], adminCode: 'garmin' }],
    },
    {
      name: 'declared `enabled: false` but on; undeclared providers on; a declared mobile-SDK provider left alone',
      sources: [...inSyncObserved().sources, { provider: 'polar', active: true }, { provider: 'zwift', active: true }, { provider: 'ZWIFT', active: true }, { provider: 'newband', active: true }, { provider: 'apple', active: true }, { provider: 'wahoo', active: false }],
      changes: [
        { object: 'source', key: 'POLAR', action: 'disable', fields: [{ name: 'active', from: true, to: false }], adminCode: 'polar' },
        { object: 'source', key: 'ZWIFT', action: 'disable', fields: [{ name: 'active', from: true, to: false }], adminCode: 'zwift' },
        { object: 'source', key: 'newband', action: 'disable', fields: [{ name: 'active', from: true, to: false }], adminCode: 'newband' },
      ],
    },
  ];
  it.each(cases)('$name', ({ sources, changes }) => {
    expect(changesOf(observedWith(() => ({ sources })), lookup)).toEqual(changes);
  });

  it('keeps undeclared providers with `undeclaredProviders: keep`, and lists them', () => {
    const desired = { ...DESIRED, undeclaredProviders: 'keep' as const };
    const diff = diffTerraState(desired, observedWith((o) => ({ sources: [...o.sources, { provider: 'zwift', active: true }] })), lookup);
    expect(diff.changes).toEqual([]);
    expect(diff.unverifiable).toContainEqual({ object: 'source', key: 'ZWIFT', field: 'active', reason: expect.stringContaining('undeclaredProviders: keep') });
  });

  it('a refused listSources makes every source unverifiable, never in sync by silence', () => {
    const diff = diffTerraState(DESIRED, observedWith(() => ({ sources: [], unread: [{ object: 'source', key: '*', reason: 'listSources: 403 scope_missing providers:read' }] })), lookup);
    expect(diff.changes).toEqual([]);
    expect(diff.unverifiable.filter((u) => u.object === 'source').map((u) => [u.key, u.reason])).toEqual(
      ['GARMIN', 'GOOGLE', 'OURA', 'POLAR'].map((k) => [k, 'listSources: 403 scope_missing providers:read']),
    );
  });
});

describe('diffTerraState: credentials', () => {
  const garmin = (c: Partial<ObservedTerraState['credentials'][number]>) =>
    observedWith((o) => ({ credentials: o.credentials.map((x) => (x.provider === 'garmin' ? { ...x, ...c } : x)) }));
  const garminChange = (diff: TerraChange[]) => diff.filter((c) => c.object === 'credentials');

  it.each([
    { name: 'none in Terra', live: { hasCredentials: false, clientId: undefined, secretMask: undefined } },
    { name: 'Terra\'s own keys', live: { terraOwned: true } },
  ])('$name: created with the declared client id and a secret marker', ({ live }) => {
    expect(garminChange(changesOf(garmin(live), lookup))).toEqual([
      {
        object: 'credentials',
        key: 'GARMIN',
        action: 'create',
        fields: [
          { name: 'client_id', from: null, to: 'acme-garmin' },
          { name: 'client_secret', from: null, to: '[secret]' },
        ],
        adminCode: 'garmin',
      },
    ]);
  });

  it('another client id is an update that shows both ids', () => {
    expect(garminChange(changesOf(garmin({ clientId: 'someone-else' }), lookup))).toEqual([
      { object: 'credentials', key: 'GARMIN', action: 'update', fields: [{ name: 'client_id', from: 'someone-else', to: 'acme-garmin' }], adminCode: 'garmin' },
    ]);
  });

  it('a mask with other last characters is a certain difference, shown only as markers', () => {
    expect(garminChange(changesOf(garmin({ secretMask: '****zzzz' }), lookup))).toEqual([
      { object: 'credentials', key: 'GARMIN', action: 'update', fields: [{ name: 'client_secret', from: '[secret]', to: '[changed]' }], adminCode: 'garmin' },
    ]);
  });

  it('without the value, or with a mask that shows nothing, the secret is unverifiable', () => {
    expect(garminChange(changesOf(garmin({ secretMask: '****zzzz' })))).toEqual([]);
    expect(reasonsFor(garmin({ secretMask: '****zzzz' }), 'GARMIN', () => undefined)).toContainEqual(expect.stringMatching(/declared value is not available/));
    expect(garminChange(changesOf(garmin({ secretMask: '********' }), lookup))).toEqual([]);
    expect(reasonsFor(garmin({ secretMask: '********' }), 'GARMIN')).toContainEqual(expect.stringMatching(/mask shows none of its characters/));
  });

  it('a secretVersion trigger fires only against a recorded version', () => {
    const desired = desiredTerraState('staging', modelOf(withGarminVersion(2)));
    const observed = inSyncObserved();
    expect(diffTerraState(desired, observed, lookup, { secretVersions: { GARMIN: 1 } }).changes).toEqual([
      { object: 'credentials', key: 'GARMIN', action: 'update', fields: [{ name: 'secret_version', from: 1, to: 2 }], adminCode: 'garmin' },
    ]);
    expect(diffTerraState(desired, observed, lookup, { secretVersions: { GARMIN: 2 } }).changes).toEqual([]);
    const unrecorded = diffTerraState(desired, observed, lookup);
    expect(unrecorded.changes).toEqual([]);
    expect(unrecorded.unverifiable).toContainEqual({
      object: 'credentials',
      key: 'GARMIN',
      field: 'secret_version',
      reason: expect.stringContaining('secretVersion 2 has not been recorded'),
    });
  });

  it('not read is unverifiable; keys Terra holds that config/ lacks are not appliable', () => {
    const diff = diffTerraState(
      DESIRED,
      observedWith((o) => ({
        credentials: [
          o.credentials[1]!,
          { provider: 'oura', hasCredentials: true, terraOwned: false, clientId: 'dashboard-oura', secretMask: '****abcd' },
        ],
      })),
      lookup,
    );
    expect(diff.changes).toEqual([]);
    expect(diff.unverifiable).toContainEqual({ object: 'credentials', key: 'GARMIN', reason: 'not read from Terra' });
    expect(diff.notAppliable.at(-1)).toEqual({ path: 'providers.OURA.dedicatedKeys', reason: expect.stringContaining('no DELETE on credentials') });
  });
});

describe('diffTerraState: scopes', () => {
  const scopes = (provider: string, list: string[]) =>
    observedWith((o) => ({ scopes: o.scopes.map((s) => (s.provider === provider ? { provider, scopes: list } : s)) }));
  it.each([
    { name: 'Google\'s short names equal the declared full ones', provider: 'google', live: ['userinfo.profile', 'calendar.settings.readonly', 'userinfo.profile'], change: undefined },
    {
      name: 'a missing scope',
      provider: 'google',
      live: ['userinfo.profile'],
      change: { action: 'update', from: [`${G}userinfo.profile`], to: [`${G}calendar.settings.readonly`, `${G}userinfo.profile`] },
    },
    { name: 'custom scopes config/ does not declare are cleared', provider: 'oura', live: ['extra'], change: { action: 'delete', from: ['extra'], to: [] } },
    {
      name: 'declared scopes Terra lacks',
      provider: 'google',
      live: [],
      change: { action: 'create', from: [], to: [`${G}calendar.settings.readonly`, `${G}userinfo.profile`] },
    },
  ])('$name', ({ provider, live, change }) => {
    const found = changesOf(scopes(provider, live), lookup).filter((c) => c.object === 'scopes');
    expect(found).toEqual(
      change ? [{ object: 'scopes', key: provider.toUpperCase(), action: change.action, fields: [{ name: 'scopes', from: change.from, to: change.to }], adminCode: provider }] : [],
    );
  });
});

describe('no secret value or mask in any output', () => {
  it('holds for diffs with every kind of change and their planned calls', () => {
    const observed: ObservedTerraState = {
      sources: [{ provider: 'zwift', active: true }],
      credentials: [
        { provider: 'garmin', hasCredentials: true, terraOwned: false, clientId: 'acme-garmin', secretMask: '****Q7x2' },
        { provider: 'google', hasCredentials: true, terraOwned: false, clientId: 'old', secretMask: maskOf(SECRETS['stack:googleClientSecret']!) },
        { provider: 'oura', hasCredentials: true, terraOwned: false, clientId: 'x', secretMask: '****m9K3' },
      ],
      scopes: [],
      destinations: [{ id: '5', type: 'webhook', url: 'https://old.acme.example', active: false }],
    };
    const diff = diffTerraState(DESIRED, observed, lookup, { signingSecretVersion: 0 });
    const text = JSON.stringify({ diff, calls: planCalls(DESIRED, diff.changes) });
    expect(diff.changes.length).toBeGreaterThan(4);
    for (const value of [...Object.values(SECRETS), '****Q7x2', 'Q7x2', '****m9K3', maskOf(SECRETS['stack:googleClientSecret']!)]) {
      expect(text).not.toContain(value);
    }
    expect(text).toContain('[changed]');
  });
});
