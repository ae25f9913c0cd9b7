import { expect } from 'vitest';
import type { Environment } from '../../../src/model/environment';
import type { SecretRef } from '../../../src/model/secret-ref';
import { loadProject } from '../../../src/project';
import { desiredTerraState, type DesiredTerraState } from '../../../src/terra/admin/desired';
import type { ObservedTerraState } from '../../../src/terra/admin/observed';
import { yml } from '../../rules/yml';
import { maskOf, refKey } from './simulator';

/** A validated model from YAML text, through the one pipeline every consumer uses. */
export function modelOf(text: string): Environment {
  const project = loadProject({ root: '/virtual', virtualFiles: { 'config/staging.yaml': text }, rules: [] });
  expect(project.diagnostics).toEqual([]);
  return project.environments[0]!.model!;
}

/** Secret values the tests use; every output is searched for them. */
export const SECRETS: Readonly<Record<string, string>> = {
  'env:GARMIN_SECRET': 'gs-7Hq2Lm9Xv4Tz1Kp8',
  'stack:garminVerificationSecret': 'gv-Wc5Nr3Yb6Jd0Fs2A',
  'stack:googleClientSecret': 'go-Pt8Ue1Iq4Oz7Rx3M',
  'stack:terraWebhookSigningSecret': 'wh-Ak9Sl2Dj5Fh8Gk1Q',
};

/** DESIRED's webhook URL. */
export const HOOK = 'https://hooks.acme.example/terra';

export const lookup = (ref: SecretRef): string | undefined => SECRETS[refKey(ref)];

export const DESIRED: DesiredTerraState = desiredTerraState(
  'staging',
  modelOf(yml`
    owners: [{ team: platform }]
    terra: { devId: acme-staging-dev-id, apiKey: { fromStackConfig: terraApiKey } }
    webhook:
      url: ${HOOK}
      signingSecret: { fromStackConfig: terraWebhookSigningSecret }
      eventTypes: [sleep, activity]
    providers:
      GARMIN:
        dedicatedKeys:
          clientId: acme-garmin
          clientSecret: { fromEnv: GARMIN_SECRET }
          verificationSecret: { fromStackConfig: garminVerificationSecret }
      OURA: {}
      POLAR: { enabled: false }
      GOOGLE:
        dedicatedKeys:
          clientId: 40211-staging.apps.googleusercontent.com
          clientSecret: { fromStackConfig: googleClientSecret }
          appVerification: in-review
          scopes: [userinfo.profile, calendar.settings.readonly]
      APPLE: {}
    aws: { secretNamePrefix: acme/terra }
  `),
);

const G = 'https://www.googleapis.com/auth/';

/** Terra exactly as DESIRED declares it, read back in full. */
export function inSyncObserved(): ObservedTerraState {
  return {
    sources: [
      { provider: 'garmin', active: true },
      { provider: 'google', active: true },
      { provider: 'oura', active: true, authRedirectUrl: 'https://api.acme.example/terra/callback' },
    ],
    credentials: [
      { provider: 'garmin', hasCredentials: true, terraOwned: false, clientId: 'acme-garmin', secretMask: maskOf(SECRETS['env:GARMIN_SECRET']!) },
      { provider: 'google', hasCredentials: true, terraOwned: false, clientId: '40211-staging.apps.googleusercontent.com', secretMask: maskOf(SECRETS['stack:googleClientSecret']!) },
    ],
    scopes: [
      { provider: 'garmin', scopes: [] },
      { provider: 'google', scopes: [`${G}userinfo.profile`, `${G}calendar.settings.readonly`] },
      { provider: 'oura', scopes: [] },
    ],
    destinations: [
      { id: '1937255512398764032', type: 'webhook', url: 'https://hooks.acme.example/terra', active: true, eventTypes: ['activity', 'sleep'] },
      { id: '1937255512398764099', type: 's3', url: 's3://acme-terra-payloads', active: true },
    ],
  };
}

/** In-sync Terra with one part changed. */
export function observedWith(change: (o: ObservedTerraState) => Partial<ObservedTerraState>): ObservedTerraState {
  const base = inSyncObserved();
  return { ...base, ...change(base) };
}


/** DESIRED's YAML in short, with a secretVersion on GARMIN's keys. */
export function withGarminVersion(version: number): string {
  return `owners: [{ team: platform }]
terra: { devId: acme-staging-dev-id, apiKey: { fromStackConfig: terraApiKey } }
webhook: { url: ${HOOK}, signingSecret: { fromStackConfig: terraWebhookSigningSecret }, eventTypes: [sleep, activity] }
providers:
  GARMIN:
    dedicatedKeys:
      clientId: acme-garmin
      clientSecret: { fromEnv: GARMIN_SECRET }
      secretVersion: ${version}
  OURA: {}
  GOOGLE:
    dedicatedKeys:
      clientId: 40211-staging.apps.googleusercontent.com
      clientSecret: { fromStackConfig: googleClientSecret }
      appVerification: in-review
      scopes: [userinfo.profile, calendar.settings.readonly]
aws: { secretNamePrefix: acme/terra }
`;
}

/** The same environment with its webhook written out, plus `extra` lines. */
export function withWebhook(extra: string): string {
  return withGarminVersion(0)
    .replace(/webhook: .*\n/, `webhook:\n  url: ${HOOK}\n  signingSecret: { fromStackConfig: terraWebhookSigningSecret }\n  ${extra}\n`)
    .replace('      secretVersion: 0\n', '');
}
