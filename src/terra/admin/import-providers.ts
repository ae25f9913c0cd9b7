import { flattenRemoteText } from '../../core/safe-text';
import { TERRA_API_BASE_URLS } from '../../catalog/terra-hosts';
import { GOOGLE_ESSENTIAL_SCOPES } from '../../catalog/google-scopes';
import { findProvider, type KeyShape } from '../../catalog/providers';
import type { Tier } from '../../catalog/environment-limits';
import type { DocPath } from '../../core/diagnostic';
import type { DedicatedKeys } from '../../model/dedicated-keys';
import type { ProviderSettings } from '../../model/providers';
import type { SecretRef } from '../../model/secret-ref';
import { importedStackKey } from './import-secret-keys';
import { catalogCodeOf } from './normalize';
import type { ObservedCredentials, ObservedScopes, ObservedTerraState } from './observed';

/** A comment the written file carries at a path inside one section, for a value a human must check or set. */
export interface ImportNote {
  /** Below the section's key: `['dedicatedKeys', 'callbackDomain']`; empty for the section's key itself. */
  path: readonly string[];
  text: string;
}

/** One enabled source as config/<env>.yaml declares it after an import. */
export interface ImportedProvider {
  /** As config/ spells it (`GARMIN`); Terra's own spelling upper-cased when the catalog does not know it. */
  code: string;
  settings: ProviderSettings;
  notes: ImportNote[];
}

/** The data API base URL an imported file declares: the one current dev-ids use (the admin API does not say). */
export const IMPORTED_API_BASE_URL = TERRA_API_BASE_URLS.current;

const ref = (path: DocPath): SecretRef => ({ fromStackConfig: importedStackKey(path) });

/**
 * Every source Terra has on, with the customer's own keys (client id as Terra holds it, the secret as a
 * reference named by convention) and custom scopes. Nothing Terra cannot return is invented silently:
 * what the model requires but the admin API cannot tell (Strava's callback domain, Huawei's console URLs,
 * Google's verification state) is written as the documented value for this tier and host, with a note.
 */
export function importedProviders(observed: ObservedTerraState, tier: Tier, environment: string): ImportedProvider[] {
  const seen = new Set<string>();
  const providers: ImportedProvider[] = [];
  for (const source of observed.sources) {
    if (!source.active) continue;
    const code = catalogCodeOf(source.provider) ?? source.provider.toUpperCase();
    if (seen.has(code)) continue;
    seen.add(code);
    const lower = source.provider.toLowerCase();
    const credentials = observed.credentials.find((c) => c.provider.toLowerCase() === lower);
    const scopes = observed.scopes.find((s) => s.provider.toLowerCase() === lower);
    providers.push(importedProvider(code, credentials, scopes, tier, environment));
  }
  return providers.sort((a, b) => a.code.localeCompare(b.code));
}

function importedProvider(
  code: string,
  credentials: ObservedCredentials | undefined,
  scopes: ObservedScopes | undefined,
  tier: Tier,
  environment: string,
): ImportedProvider {
  const facts = findProvider(code);
  const notes: ImportNote[] = [];
  if (!facts) notes.push({ path: [], text: `Terra lists ${flattenRemoteText(code, 60)}, which terra-iac's provider catalog does not know: check the code` });
  const custom = scopes && scopes.scopes.length > 0 ? [...scopes.scopes] : undefined;
  const settings: ProviderSettings = {};
  const clientId = credentials?.hasCredentials && credentials.terraOwned !== true ? credentials.clientId : undefined;
  if (clientId !== undefined) {
    const shape: KeyShape = facts?.keyShape ?? 'generic';
    const keys = dedicatedKeys({ code, shape, clientId, scopes: custom, tier, environment }, notes);
    settings.dedicatedKeys = keys;
    if (shape !== 'google' && custom) settings.scopes = custom;
  } else if (custom) {
    settings.scopes = custom;
  }
  if (facts?.options === 'freestylelibre') {
    notes.push({ path: [], text: 'the admin API does not show regions or practiceId: add `regions` (and `practiceId` for DE, AT or FR users) as Terra set them up' });
  }
  return { code, settings, notes };
}

interface KeyFacts {
  code: string;
  shape: KeyShape;
  clientId: string;
  scopes: string[] | undefined;
  tier: Tier;
  environment: string;
}

function dedicatedKeys({ code, shape, clientId, scopes, tier, environment }: KeyFacts, notes: ImportNote[]): DedicatedKeys {
  const secretPath = (field: string): DocPath => ['providers', code, 'dedicatedKeys', field];
  const secretNote = (field: string) =>
    notes.push({ path: ['dedicatedKeys', field], text: `Terra never returns the secret: pulumi config set --secret ${importedStackKey(secretPath(field))} --stack ${environment}` });
  const base = IMPORTED_API_BASE_URL;
  switch (shape) {
    case 'virtuagym':
      secretNote('apiKey');
      return { portalName: clientId, apiKey: ref(secretPath('apiKey')) };
    case 'strava':
      secretNote('clientSecret');
      notes.push({
        path: ['dedicatedKeys', 'callbackDomain'],
        text: 'not readable through the admin API: the Authorization Callback Domain of your Strava app (https://strava.com/settings/api); api.tryterra.co for older dev-ids',
      });
      return { clientId, clientSecret: ref(secretPath('clientSecret')), callbackDomain: new URL(base).hostname as 'access.tryterra.co' };
    case 'huawei':
      secretNote('clientSecret');
      notes.push({ path: ['dedicatedKeys', 'redirectUrl'], text: 'not readable through the admin API: Terra\'s documented Huawei URLs on the API host; check them against the Huawei console' });
      return {
        clientId,
        clientSecret: ref(secretPath('clientSecret')),
        redirectUrl: `${base}/auth/huawei/oauth2`,
        appAccessUrl: `${new URL(base).origin}/`,
        healthKitCallbackUrl: `${base}/hooks/huawei/healthkit/notifications`,
      };
    case 'google': {
      secretNote('clientSecret');
      const verification = tier === 'production' ? 'verified' : 'unverified';
      notes.push({
        path: ['dedicatedKeys', 'appVerification'],
        text: `not readable through the admin API: your Google OAuth app's verification state (verified, in-review or unverified); ${verification} assumed for a ${tier} environment`,
      });
      if (!scopes) {
        notes.push({
          path: ['dedicatedKeys', 'scopes'],
          text: 'Terra holds no custom scopes for GOOGLE (it requests its defaults); the schema needs a list, so Terra\'s two essential scopes are written and drift shows them as a change: list what your app requests',
        });
      }
      const essential = GOOGLE_ESSENTIAL_SCOPES.map((s) => s.replace('https://www.googleapis.com/auth/', ''));
      return { clientId, clientSecret: ref(secretPath('clientSecret')), scopes: scopes ?? essential, appVerification: verification };
    }
    case 'generic':
      secretNote('clientSecret');
      return { clientId, clientSecret: ref(secretPath('clientSecret')) };
  }
}
