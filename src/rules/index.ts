import { adminBaseUrl } from './admin-base-url';
import { apiBaseUrl } from './api-base-url';
import { dataFieldsUnselected } from './data-fields-unselected';
import { dataTypeEntitlement } from './data-type-entitlement';
import { dataTypeUnknown } from './data-type-unknown';
import { eventTypeUnconfirmed } from './event-type-unconfirmed';
import { freestylelibreRegions } from './freestylelibre-regions';
import { googleEssentialScopes } from './google-essential-scopes';
import { googleScopesAgree } from './google-scopes-agree';
import { googleProductionVerified } from './google-production-verified';
import { huaweiUrls } from './huawei-urls';
import { productionProviderNotStaged } from './production-provider-not-staged';
import { providerDedicatedKeys } from './provider-dedicated-keys';
import { providerDeprecated } from './provider-deprecated';
import { providerMobileSdk } from './provider-mobile-sdk';
import { providerUnknown } from './provider-unknown';
import { samsungRoute } from './samsung-route';
import { secretLiteral } from './secret-literal';
import { sharedWebhookUrl } from './shared-webhook-url';
import { stackCiphertextReuse } from './stack-ciphertext-reuse';
import { stackFilePairing } from './stack-file-pairing';
import { stackKeyNamespace } from './stack-key-namespace';
import { stackMissingConfig } from './stack-missing-config';
import { stackSecretPlain } from './stack-secret-plain';
import { stackSecretPresent } from './stack-secret-present';
import { stackSecretDecrypts } from './stack-secret-decrypts';
import { stravaCallbackDomain } from './strava-callback-domain';
import { tierRequired } from './tier-required';
import type { Rule } from '../validate/rule-contract';
import { uniqueDevId } from './unique-dev-id';
import { uniqueSecretRefs } from './unique-secret-refs';
import { userLimit } from './user-limit';
import { webhookHttps } from './webhook-https';
import { webhookPublicHost } from './webhook-public-host';
import { webhookUrlCredentials } from './webhook-url-credentials';
import { widgetLogoHttps } from './widget-logo-https';

/** Every semantic rule, in the order they run. A meta-test keeps this list, the files and docs/rules.md in step. */
export const RULES: readonly Rule[] = [
  // Secrets
  secretLiteral,
  // One environment
  tierRequired,
  apiBaseUrl,
  adminBaseUrl,
  webhookHttps,
  webhookPublicHost,
  webhookUrlCredentials,
  eventTypeUnconfirmed,
  userLimit,
  // Data and widget
  dataTypeUnknown,
  dataTypeEntitlement,
  dataFieldsUnselected,
  widgetLogoHttps,
  // Providers
  providerUnknown,
  providerDeprecated,
  providerDedicatedKeys,
  providerMobileSdk,
  stravaCallbackDomain,
  huaweiUrls,
  googleEssentialScopes,
  googleScopesAgree,
  googleProductionVerified,
  freestylelibreRegions,
  samsungRoute,
  // Across environments
  uniqueDevId,
  uniqueSecretRefs,
  sharedWebhookUrl,
  productionProviderNotStaged,
  // Stack files
  stackFilePairing,
  stackKeyNamespace,
  stackSecretPresent,
  stackMissingConfig,
  stackSecretPlain,
  stackCiphertextReuse,
  stackSecretDecrypts,
];
