/** Public pages and files every catalog fact cites. */
export const SOURCES = {
  usingTheApi: 'https://docs.tryterra.co/reference/using-the-api',
  environments: 'https://docs.tryterra.co/unified-api/integration-setup/understanding-terra-environments',
  dedicatedKeys: 'https://docs.tryterra.co/health-and-fitness-api/integration-setup/dedicated-data-source-api-keys',
  supportedIntegrations: 'https://docs.tryterra.co/reference/health-and-fitness-api/supported-integrations',
  integrationsList: 'https://docs.tryterra.co/docs/integrations-2',
  integrationsListOld: 'https://docs.tryterra.co/docs/integrations',
  funFacts: 'https://docs.tryterra.co/docs/integration-fun-facts',
  dataSources: 'https://docs.tryterra.co/health-and-fitness-api/integration-setup/setting-up-data-sources',
  androidSdk: 'https://docs.tryterra.co/reference/reference-android-sdk',
  productionKeys: 'https://docs.tryterra.co/docs/creating-production-keys',
  huaweiByo:
    'https://docs.tryterra.co/help-center/help-topics/connecting/setting-up-provider-credentials-bring-your-own-keys/huawei-byo-credentials-healthkit',
  genericByo:
    'https://docs.tryterra.co/faq/help-topics/connecting/setting-up-provider-credentials-bring-your-own-keys/byo-credentials-generic-provider-key',
  callbackRegistration:
    'https://docs.tryterra.co/help-center/help-topics/connecting/setting-up-provider-credentials-bring-your-own-keys/provider-callback-url-registration',
  october2025: 'https://docs.tryterra.co/changelog/2025/october-update-2025',
  webhooks:
    'https://docs.tryterra.co/health-and-fitness-api/integration-setup/setting-up-data-destinations/webhooks',
  signatureMismatch:
    'https://docs.tryterra.co/faq/help-topics/webhook/security-signatures-and-network-access/signature-verification-secret-mismatch',
  destinations: 'https://docs.tryterra.co/reference/health-and-fitness-api/destinations',
  s3Destination:
    'https://docs.tryterra.co/health-and-fitness-api/integration-setup/setting-up-data-destinations/cloud-storage-s3-gcp',
  sqsDestination:
    'https://docs.tryterra.co/health-and-fitness-api/integration-setup/setting-up-data-destinations/queuing-services-sqs-kafka',
  eventTypes: 'https://docs.tryterra.co/reference/health-and-fitness-api/event-types',
  openapiV2: 'tryterra/openapi dist/core/v2-bundled.yaml (servers, 2026.07.17.1)',
  adminApi: 'tryterra/openapi dist/core/admin-bundled.yaml (2026.09.04.2)',
  terraCliGoingLive: 'tryterra/agent-skills skills/terra-cli (going-to-production, local-development)',
  pulumiConfigKey: 'pulumi/pulumi sdk/go/common/resource/config/key.go (ParseKey)',
  pulumiSecureValue: 'pulumi/pulumi sdk/go/common/resource/config/object.go (isSecureValue)',
  pulumiPassphrase: 'pulumi/pulumi pkg/secrets/passphrase/manager.go, sdk/go/common/resource/config/crypt.go',
  pulumiProjectConfig: 'pulumi/pulumi pkg/workspace/config.go (validateStackConfigValues)',
  gitleaksGeneric: 'gitleaks config/gitleaks.toml, rule "generic-api-key" (keyword + entropy)',
} as const;
