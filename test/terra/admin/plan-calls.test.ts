import { describe, expect, it } from 'vitest';
import { diffTerraState } from '../../../src/terra/admin/diff';
import type { ObservedTerraState } from '../../../src/terra/admin/observed';
import { planCalls } from '../../../src/terra/admin/plan-calls';
import { DESIRED, inSyncObserved, lookup } from './fixtures';
import { EMPTY } from './simulator';

const G = 'https://www.googleapis.com/auth/';
const HOOK = 'https://hooks.acme.example/terra';
const plan = (observed: ObservedTerraState) => planCalls(DESIRED, diffTerraState(DESIRED, observed, lookup).changes);

describe('planCalls', () => {
  it('in sync: no call', () => {
    expect(plan(inSyncObserved())).toEqual([]);
  });

  it('from an empty environment: keys, then scopes, then enabling, then the destination; references only', () => {
    const observed: ObservedTerraState = {
      ...EMPTY,
      credentials: [
        { provider: 'garmin', hasCredentials: false },
        { provider: 'google', hasCredentials: false },
      ],
      scopes: ['garmin', 'google', 'oura'].map((provider) => ({ provider, scopes: [] })),
    };
    expect(plan(observed)).toEqual([
      {
        op: 'setSourceCredentials',
        provider: 'GARMIN',
        adminCode: 'garmin',
        body: { clientId: 'acme-garmin', clientSecret: { fromEnv: 'GARMIN_SECRET' }, verificationSecret: { fromStackConfig: 'garminVerificationSecret' } },
      },
      {
        op: 'setSourceCredentials',
        provider: 'GOOGLE',
        adminCode: 'google',
        body: { clientId: '40211-staging.apps.googleusercontent.com', clientSecret: { fromStackConfig: 'googleClientSecret' } },
      },
      { op: 'setSourceScopes', provider: 'GOOGLE', adminCode: 'google', scopes: [`${G}calendar.settings.readonly`, `${G}userinfo.profile`] },
      { op: 'enableSource', provider: 'GARMIN', adminCode: 'garmin' },
      { op: 'enableSource', provider: 'GOOGLE', adminCode: 'google' },
      { op: 'enableSource', provider: 'OURA', adminCode: 'oura' },
      { op: 'createDestination', url: HOOK, active: true, eventTypes: ['activity', 'sleep'], storeSigningSecretAt: { fromStackConfig: 'terraWebhookSigningSecret' } },
    ]);
  });

  it('a new URL creates the new destination before the old one goes; disabling comes last', () => {
    const base = inSyncObserved();
    const observed: ObservedTerraState = {
      ...base,
      sources: [{ provider: 'zwift', active: true }, ...base.sources, { provider: 'polar', active: true }],
      destinations: [{ id: '11', type: 'webhook', url: 'https://old.acme.example/terra', active: true, eventTypes: ['sleep'] }, { id: '12', type: 'webhook', url: 'https://debug.example', active: true }],
      scopes: base.scopes.map((s) => (s.provider === 'oura' ? { ...s, scopes: ['personal'] } : s)),
    };
    expect(plan(observed)).toEqual([
      { op: 'setSourceScopes', provider: 'OURA', adminCode: 'oura', scopes: [] },
      { op: 'createDestination', url: HOOK, active: true, eventTypes: ['activity', 'sleep'], storeSigningSecretAt: { fromStackConfig: 'terraWebhookSigningSecret' } },
      { op: 'deleteDestination', destinationId: '11', url: 'https://old.acme.example/terra' },
      { op: 'deleteDestination', destinationId: '12', url: 'https://debug.example' },
      { op: 'disableSource', provider: 'POLAR', adminCode: 'polar' },
      { op: 'disableSource', provider: 'ZWIFT', adminCode: 'zwift' },
    ]);
  });

  it('a patch carries only what differs', () => {
    const base = inSyncObserved();
    const patched = (d: Partial<ObservedTerraState['destinations'][number]>) =>
      plan({ ...base, destinations: base.destinations.map((x) => (x.type === 'webhook' ? { ...x, ...d } : x)) });
    const id = '1937255512398764032';
    expect(patched({ active: false })).toEqual([{ op: 'patchDestination', destinationId: id, url: HOOK, active: true }]);
    expect(patched({ eventTypes: ['sleep'] })).toEqual([{ op: 'patchDestination', destinationId: id, url: HOOK, eventTypes: ['activity', 'sleep'] }]);
  });

  it('a certain secret difference rewrites the whole credential document', () => {
    const base = inSyncObserved();
    const observed = { ...base, credentials: base.credentials.map((c) => (c.provider === 'google' ? { ...c, secretMask: '****0000' } : c)) };
    expect(plan(observed)).toEqual([
      {
        op: 'setSourceCredentials',
        provider: 'GOOGLE',
        adminCode: 'google',
        body: { clientId: '40211-staging.apps.googleusercontent.com', clientSecret: { fromStackConfig: 'googleClientSecret' } },
      },
    ]);
  });
});
