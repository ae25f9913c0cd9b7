import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../../catalog/webhook-event-types';
import type { DocPath } from '../../core/diagnostic';
import { flattenRemoteText } from '../../core/safe-text';
import type { SecretRef } from '../../model/secret-ref';
import type { DataConfig, WidgetBranding } from '../../model/data-config';
import type { DevDetail } from './admin-types';
import { importedProviders, IMPORTED_API_BASE_URL, type ImportedProvider } from './import-providers';
import { importedStackKey } from './import-secret-keys';
import type { ImportedTier } from './import-tier';
import { sortedUnique } from './normalize';
import type { ObservedDestination, ObservedTerraState } from './observed';

/** The one webhook destination config/ declares, as Terra holds it; its signing secret only as a reference. */
export interface ImportedWebhook {
  url: string;
  active: boolean;
  /** Sorted; undefined when Terra lists none (every event type). */
  eventTypes?: readonly string[];
  signingSecret: SecretRef;
}

/** A stack config key the written file references, which the stack does not hold yet. */
export interface ImportedSecret {
  path: DocPath;
  stackKey: string;
}

/**
 * What `terra-iac import` learned from Terra's admin API about one environment, section by section of
 * config/<env>.yaml. It holds no secret value and no mask: only client ids, codes, scopes, URLs and the
 * references where the secrets are to be kept.
 */
export interface ImportedEnvironment {
  environment: string;
  devId: string;
  tier: ImportedTier;
  /** The name Terra's dashboard gives the environment, flattened, when the token could read it. */
  displayName?: string;
  /** The admin API base URL the import read from, written as terra.admin.baseUrl. */
  adminBaseUrl: string;
  apiBaseUrl: string;
  providers: readonly ImportedProvider[];
  webhook?: ImportedWebhook;
  /** Terra's data configuration and widget branding, when the token could read them (import-data.ts). */
  data?: DataConfig;
  widget?: WidgetBranding;
  /** What Terra holds that the file leaves out or cannot hold as it is, one flattened line each (also printed). */
  remarks: readonly string[];
  /** Every `fromStackConfig` reference of the file, in document order. */
  secrets: readonly ImportedSecret[];
}

export interface ImportInput {
  environment: string;
  devId: string;
  tier: ImportedTier;
  adminBaseUrl: string;
  observed: ObservedTerraState;
  detail?: DevDetail;
}

const API_KEY_PATH: DocPath = ['terra', 'apiKey'];
const SIGNING_SECRET_PATH: DocPath = ['webhook', 'signingSecret'];

/** The import as a pure function of what Terra answered: no I/O, no secret values. */
export function importedEnvironment(input: ImportInput): ImportedEnvironment {
  const providers = importedProviders(input.observed, input.tier.tier, input.environment);
  const remarks: string[] = [];
  const webhook = importedWebhook(input.observed.destinations, remarks);
  for (const source of input.observed.sources) {
    if (!source.active) remarks.push(`source ${flattenRemoteText(source.provider, 60)}: listed by Terra but off, so not declared`);
  }
  const secrets: ImportedSecret[] = [{ path: API_KEY_PATH, stackKey: importedStackKey(API_KEY_PATH) }];
  if (webhook) secrets.push({ path: SIGNING_SECRET_PATH, stackKey: importedStackKey(SIGNING_SECRET_PATH) });
  for (const provider of providers) {
    const keys = provider.settings.dedicatedKeys;
    if (!keys) continue;
    const field = 'apiKey' in keys ? 'apiKey' : 'clientSecret';
    const path: DocPath = ['providers', provider.code, 'dedicatedKeys', field];
    secrets.push({ path, stackKey: importedStackKey(path) });
  }
  const name = input.detail?.profile?.name ?? input.detail?.name;
  const imported: ImportedEnvironment = {
    environment: input.environment,
    devId: input.devId,
    tier: input.tier,
    adminBaseUrl: input.adminBaseUrl,
    apiBaseUrl: IMPORTED_API_BASE_URL,
    providers,
    remarks,
    secrets,
  };
  if (name && name !== input.devId) imported.displayName = flattenRemoteText(name, 120);
  if (webhook) imported.webhook = webhook;
  return imported;
}

/**
 * The model declares one webhook destination. With several, the oldest active one is imported (ids are
 * increasing 64-bit numbers) and the others are reported: drift would list them for deletion. Other
 * destination types (S3, SQS) are registered in Terra by hand today and are not `destinations:` entries,
 * which declare the AWS side terra-iac creates.
 */
function importedWebhook(destinations: readonly ObservedDestination[], remarks: string[]): ImportedWebhook | undefined {
  for (const other of destinations.filter((d) => d.type.toLowerCase() !== 'webhook')) {
    remarks.push(`destination ${flattenRemoteText(other.type, 20)} ${flattenRemoteText(other.url, 120)}: not a webhook, so not imported (see destinations: in the manual)`);
  }
  const hooks = destinations
    .filter((d) => d.type.toLowerCase() === 'webhook')
    .sort((a, b) => Number(b.active) - Number(a.active) || a.id.localeCompare(b.id, 'en', { numeric: true }));
  const [chosen, ...others] = hooks;
  for (const other of others) {
    remarks.push(`webhook ${flattenRemoteText(other.url, 120)}: a second webhook destination; config/ declares one, so drift lists this one for deletion`);
  }
  if (!chosen) return undefined;
  const webhook: ImportedWebhook = { url: chosen.url, active: chosen.active, signingSecret: { fromStackConfig: importedStackKey(SIGNING_SECRET_PATH) } };
  if (chosen.eventTypes && chosen.eventTypes.length > 0) {
    webhook.eventTypes = sortedUnique(chosen.eventTypes);
    const unknown = webhook.eventTypes.filter((t) => !(WEBHOOK_EVENT_TYPES as readonly string[]).includes(t as WebhookEventType));
    if (unknown.length > 0) remarks.push(`webhook event types ${unknown.map((t) => flattenRemoteText(t, 40)).join(', ')}: unknown to terra-iac, so validate reports them`);
  }
  return webhook;
}
