import { declaredProviders } from '../../model/enabled-providers';
import type { ProviderSettings } from '../../model/providers';
import type { EnvironmentEntry } from '../../validate/project-view';
import { isSecretRef } from '../../model/secret-refs';
import { environmentAudit } from '../environment-audit';
import { providerCell, type Reveal } from '../provider-cells';
import type { SensitiveValues } from '../redact';
import { secretSourceText, shortScope, userLimitText } from '../render/cell-text';
import type { EnvironmentAudit, KeyOwnership, ProviderCell } from '../types';

/** A comparable value: text, a number, a flag, a list (compared as a set) or nothing. */
export type FactValue = string | number | boolean | string[] | null;

/** One declared setting of one environment, comparable across environments or commits. */
export interface Fact {
  /** Stable id: `tier`, `webhook.eventTypes`, `providers.GOOGLE.scopes`, ... */
  key: string;
  /** What people read: `tier`, `webhook event types`, `GOOGLE scopes`. */
  label: string;
  value: FactValue;
  /**
   * True for values that name this environment's own things (dev-id, client ids, URLs, owners): they
   * differ between any two environments by design, so `diff ENV_A ENV_B` skips them; `--since` keeps them.
   */
  identity: boolean;
  /** How an absent value reads (`not declared` for a provider). */
  absent?: string;
  /** Sort key that keeps environment settings first and providers in code order. */
  rank: string;
}

const KEYS_TEXT: Record<KeyOwnership, string> = {
  'terra-managed': 'Terra keys',
  dedicated: 'dedicated keys',
  'not-applicable': 'no keys',
  'required-missing': 'no keys (dedicated keys required)',
};

/** Every comparable setting of a schema-valid environment; undefined when the file failed its schema. */
export function environmentFacts(entry: EnvironmentEntry, sensitive: SensitiveValues): Fact[] | undefined {
  const model = entry.model;
  if (!model) return undefined;
  const env = environmentAudit(entry, [], sensitive);
  const facts: Fact[] = [];
  let n = 0;
  // Ranks follow the fixed order of the calls below, so the same setting sorts the same in every environment.
  const add = (key: string, label: string, value: FactValue, identity = false, within = '') =>
    facts.push({ key, label, value, identity, rank: `0:${String(within ? n : n++).padStart(3, '0')}:${within}` });
  add('tier', 'tier', env.tier);
  add('users.limit', 'user limit', userLimitText(env.users.limit));
  add('users.planned', 'planned users', env.users.planned);
  add('description', 'description', env.description, true);
  add('owners', 'owners', env.owners.map((o) => (o.email ? `${o.team} <${o.email}>` : o.team)), true);
  add('terra.devId', 'dev-id', env.devId, true);
  add('terra.apiBaseUrl', 'Terra API base URL', env.api?.baseUrl ?? null);
  add('webhook.configured', 'webhook', env.webhook ? 'configured' : 'none');
  add('webhook.url', 'webhook URL', env.webhook?.url ?? null, true);
  add('webhook.eventTypes', 'webhook event types', env.webhook ? (env.webhook.eventTypes ?? 'all') : null);
  add('destinations.types', 'destination types', [...new Set(env.destinations.map((d) => d.type))]);
  add('destinations', 'destinations', env.destinations.map((d) => `${d.type} ${d.name}${d.region ? ` (${d.region})` : ''}`), true);
  for (const s of env.secrets) add(`secrets.${s.purpose}`, `secret ${s.purpose}`, `${s.name} from ${secretSourceText(s.source)}`, true, s.purpose);
  n++;
  add('aws.region', 'AWS region', env.aws?.region ?? null);
  add('aws.secretNamePrefix', 'secret name prefix', env.aws?.secretNamePrefix ?? null);
  add('aws.kms', 'KMS key', env.aws?.kmsKey ? 'existing key' : 'created per environment');
  add('aws.kmsKeyId', 'KMS key id', env.aws?.kmsKey ?? null, true);
  add('aws.consumerRoleArn', 'consumer role', env.aws?.consumerRoleArn ?? null, true);
  add('aws.recoveryWindowInDays', 'secret recovery window (days)', env.aws?.recoveryWindowInDays ?? null);
  add('links', 'links', env.links, true);
  facts.push(...dataFacts(env));
  for (const [code, settings] of declaredProviders(model).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const reveal: Reveal = (path, value) => String(sensitive.show(entry.file.path, path, value));
    facts.push(...providerFacts(code, providerCell(entry.name, code, settings, reveal), settings, reveal));
  }
  return facts;
}

function providerFacts(code: string, cell: ProviderCell, settings: ProviderSettings, reveal: Reveal): Fact[] {
  const facts: Fact[] = [];
  let n = 0;
  const add = (field: string, label: string, value: FactValue, identity = false, absent?: string) => {
    const fact: Fact = { key: `providers.${code}${field ? `.${field}` : ''}`, label: `${code}${label ? ` ${label}` : ''}`, value, identity, rank: `1:${code}:${String(n++).padStart(3, '0')}` };
    if (absent) fact.absent = absent;
    facts.push(fact);
  };
  add('', '', cell.status === 'enabled' && cell.keys ? `enabled, ${KEYS_TEXT[cell.keys]}` : cell.status, false, 'not declared');
  if (cell.clientId) add('clientId', cell.clientId.label, cell.clientId.value, true);
  if (cell.scopes) add('scopes', 'scopes', cell.scopes.map(shortScope));
  if (cell.appVerification) add('appVerification', 'app verification', cell.appVerification);
  for (const [field, value] of Object.entries(settings.dedicatedKeys ?? {})) {
    if (['clientId', 'portalName', 'scopes', 'appVerification'].includes(field) || isSecretRef(value)) continue;
    if (typeof value === 'string') add(field, field, reveal(['providers', code, 'dedicatedKeys', field], value));
    else if (typeof value === 'number' || typeof value === 'boolean') add(field, field, value);
  }
  if (cell.regions) add('regions', 'regions', cell.regions.map((r) => r.country));
  if (cell.practiceId) add('practiceId', 'practice id', cell.practiceId, true);
  if (cell.route) add('route', 'route', cell.route);
  if (cell.partnershipApproved !== undefined) add('partnershipApproved', 'partnership approved', cell.partnershipApproved);
  if (cell.notes) add('notes', 'notes', cell.notes, true);
  return facts;
}

const NOT_MANAGED = 'not managed';

/**
 * The data configuration and widget branding as comparable facts, after the environment settings and
 * before the providers. Every fact exists in every environment, so one that manages a setting and one that
 * does not compare as "value" against "not managed".
 */
export function dataFacts(env: EnvironmentAudit): Fact[] {
  const facts: Fact[] = [];
  const add = (key: string, label: string, value: FactValue) => facts.push({ key, label, value, identity: false, absent: NOT_MANAGED, rank: `0:9${String(facts.length).padStart(2, '0')}:` });
  const data = env.data;
  add('data.types', 'data types', data?.types ?? null);
  add('data.samples', 'data samples', data?.samples ?? null);
  add('data.processing', 'processing format', data?.processing ?? null);
  add('widget.name', 'widget name', env.widget?.name ?? null);
  add('widget.logoUrl', 'widget logo', env.widget?.logoUrl ?? null);
  // Only declared selections: a data type whose fields no environment manages is no difference.
  for (const f of data?.fields ?? []) {
    facts.push({ key: `data.fields.${f.dataType}`, label: `${f.dataType} fields`, value: f.fields, identity: false, absent: NOT_MANAGED, rank: `0:950:${f.dataType}` });
  }
  return facts;
}
