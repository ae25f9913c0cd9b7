import { z } from 'zod';
import { GOOGLE_ESSENTIAL_SCOPES } from '../catalog/google-scopes';
import type { KeyShape } from '../catalog/providers';
import { EDITOR, HTTPS_URL_PATTERN } from './editor-annotations';
import { HttpUrl } from './patterns';
import { SecretRef } from './secret-ref';

const clientId = z.string().min(1).describe('OAuth client id from the provider\'s developer console (not a secret).');
const clientSecret = SecretRef.describe('Reference to the OAuth client secret.');

/** One of Terra's own URLs (all https); the huawei-urls rule checks which one. */
const terraHttpsUrl = (description: string) =>
  HttpUrl.describe(description).register(EDITOR, {
    pattern: HTTPS_URL_PATTERN,
    patternErrorMessage: 'Terra\'s Huawei URLs are https:// URLs on Terra\'s API host (huawei-urls).',
  });

/** The google-essential-scopes rule: each essential scope listed, in its short or full form (normalizeGoogleScope). */
function essentialScope(scope: string): Record<string, unknown> {
  const short = scope.replace(/^https:\/\/www\.googleapis\.com\/auth\//, '');
  return {
    type: 'array',
    contains: { enum: [short, scope] },
    errorMessage: `Google scopes lack the essential scope ${short}: add it to the list and to the Google OAuth consent screen (google-essential-scopes).`,
  };
}

/**
 * What Terra's credential write takes besides the id and secret (admin API `setSourceCredentials`,
 * ProviderCredentialWrite). Terra never returns these, so they are written whole on every credential write.
 */
const credentialOptions = {
  verificationSecret: SecretRef.optional().describe(
    'Reference to the secret the provider signs its webhooks with, for providers whose webhooks Terra verifies (write-only in Terra).',
  ),
  sandbox: z.boolean().optional().describe('Use the provider\'s sandbox environment (default false).'),
  secretVersion: z
    .int()
    .min(0)
    .optional()
    .describe('Bump to make `apply` rewrite the credentials: Terra shows only the last four characters of a stored secret.'),
};

/** Client id and secret entered in the provider's source settings in Terra (generic BYO flow). */
export const GenericDedicatedKeys = z
  .strictObject({
    clientId,
    clientSecret,
    redirectUrl: HttpUrl.optional().describe('Redirect URL registered with the provider, when Terra asks for one.'),
    ...credentialOptions,
  })
  .meta({ id: 'GenericDedicatedKeys', title: 'Dedicated keys (client id and secret)' });

export const StravaDedicatedKeys = z
  .strictObject({
    clientId: clientId.describe('Client ID from https://strava.com/settings/api.'),
    clientSecret,
    callbackDomain: z
      .enum(['access.tryterra.co', 'api.tryterra.co'])
      .describe(
        'Authorization Callback Domain set in the Strava app: access.tryterra.co for current dev-ids, api.tryterra.co for older ones.',
      ),
    ...credentialOptions,
  })
  .meta({ id: 'StravaDedicatedKeys', title: 'Strava API application' });

export const VirtuagymDedicatedKeys = z
  .strictObject({
    portalName: z.string().min(1).describe('Virtuagym portal name; Terra takes it as the client id.'),
    apiKey: SecretRef.describe('Reference to the Virtuagym API key; Terra takes it as the client secret.'),
    ...credentialOptions,
  })
  .meta({ id: 'VirtuagymDedicatedKeys', title: 'Virtuagym portal' });

export const HuaweiDedicatedKeys = z
  .strictObject({
    clientId: clientId.describe('Client ID of the Huawei "Server" app with HUAWEI ID and Health Kit enabled.'),
    clientSecret,
    redirectUrl: terraHttpsUrl('OAuth redirect URL registered in the Huawei console, Terra\'s /auth/huawei/oauth2 on the dev-id\'s API host.'),
    appAccessUrl: terraHttpsUrl('App access URL entered in the Huawei console (Terra\'s API host).'),
    healthKitCallbackUrl: terraHttpsUrl('Health Kit subscription callback, Terra\'s /hooks/huawei/healthkit/notifications.'),
    ...credentialOptions,
  })
  .meta({ id: 'HuaweiDedicatedKeys', title: 'Huawei Health Kit app' });

export const GoogleDedicatedKeys = z
  .strictObject({
    clientId: clientId.describe('Google OAuth client id, ending in .apps.googleusercontent.com.'),
    clientSecret,
    scopes: z
      .array(z.string().min(1))
      .min(1)
      .describe('OAuth scopes requested, in full or short form (fitness.activity.read); applied as the custom scopes of Google\'s source in Terra.')
      .register(EDITOR, { allOf: GOOGLE_ESSENTIAL_SCOPES.map(essentialScope) }),
    appVerification: z
      .enum(['verified', 'in-review', 'unverified'])
      .describe('Google OAuth app verification status; production needs a verified app.'),
    ...credentialOptions,
  })
  .meta({ id: 'GoogleDedicatedKeys', title: 'Google OAuth app' });

export const DEDICATED_KEY_SHAPES = {
  generic: GenericDedicatedKeys,
  strava: StravaDedicatedKeys,
  virtuagym: VirtuagymDedicatedKeys,
  huawei: HuaweiDedicatedKeys,
  google: GoogleDedicatedKeys,
} satisfies Record<KeyShape, z.ZodType>;

export type GenericDedicatedKeys = z.infer<typeof GenericDedicatedKeys>;
export type StravaDedicatedKeys = z.infer<typeof StravaDedicatedKeys>;
export type VirtuagymDedicatedKeys = z.infer<typeof VirtuagymDedicatedKeys>;
export type HuaweiDedicatedKeys = z.infer<typeof HuaweiDedicatedKeys>;
export type GoogleDedicatedKeys = z.infer<typeof GoogleDedicatedKeys>;
export type DedicatedKeys =
  | GenericDedicatedKeys
  | StravaDedicatedKeys
  | VirtuagymDedicatedKeys
  | HuaweiDedicatedKeys
  | GoogleDedicatedKeys;
