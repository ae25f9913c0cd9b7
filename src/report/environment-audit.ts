import { USER_LIMITS, USER_LIMIT_SOURCE } from '../catalog/environment-limits';
import { DEFAULT_TERRA_API_BASE_URL } from '../catalog/terra-hosts';
import { destinationSecrets, environmentSecrets } from '../model/secret-names';
import type { Environment } from '../model/environment';
import type { EnvironmentEntry } from '../validate/project-view';
import { recoveryWindowInDays } from '../model/retention';
import { summarize, type Diagnostic } from '../core/diagnostic';
import { maskSecretShaped } from '../core/secret-mask';
import { displayUrl, type SensitiveValues } from './redact';
import { desiredData } from '../terra/admin/desired-data';
import type { DataAudit, EnvironmentAudit, SecretLocation, UserLimit } from './types';

/** Per-environment facts for the report; `ownDiagnostics` are those of its config and stack files. */
export function environmentAudit(entry: EnvironmentEntry, ownDiagnostics: readonly Diagnostic[], sensitive: SensitiveValues): EnvironmentAudit {
  const file = entry.file.path;
  const findings = countFindings(ownDiagnostics);
  const tier = entry.tier ?? null;
  const limit: UserLimit = tier ? (USER_LIMITS[tier] ?? 'unlimited') : 'unknown';
  const model = entry.model;
  if (!model) return unknownEnvironment(entry.name, file, tier, limit, findings);
  const text = (path: (string | number)[], value: string): string => String(sensitive.show(file, path, value));
  const api = displayUrl(model.terra.apiBaseUrl ?? DEFAULT_TERRA_API_BASE_URL);
  return {
    name: entry.name,
    file,
    valid: true,
    tier,
    description: model.description === undefined ? null : text(['description'], model.description),
    devId: text(['terra', 'devId'], model.terra.devId),
    api: { baseUrl: api.url, host: api.host, isDefault: model.terra.apiBaseUrl === undefined },
    webhook: model.webhook ? { ...shownUrl(text, ['webhook', 'url'], model.webhook.url), eventTypes: model.webhook.eventTypes ?? null } : null,
    destinations: (model.destinations ?? []).map((d) => ({
      type: d.type,
      name: d.type === 's3' ? d.bucketName : d.queueName,
      region: d.region ?? model.aws.region ?? null,
      eventTypes: d.eventTypes ?? null,
    })),
    data: dataAudit(model),
    widget: model.widget ? { name: model.widget.name === undefined ? null : text(['widget', 'name'], model.widget.name), logoUrl: model.widget.logoUrl ?? null } : null,
    secrets: secretLocations(entry.name, model),
    aws: {
      region: model.aws.region ?? null,
      secretNamePrefix: model.aws.secretNamePrefix,
      kmsKey: model.aws.kmsKeyId ?? null,
      consumerRoleArn: model.aws.consumerRoleArn ?? null,
      recoveryWindowInDays: recoveryWindowInDays(tier ?? undefined, model.aws.recoveryWindowInDays),
    },
    owners: model.owners.map((o, i) => ({ team: text(['owners', i, 'team'], o.team), email: o.email === undefined ? null : text(['owners', i, 'email'], o.email) })),
    users: { limit, planned: model.limits?.plannedUsers ?? null, source: USER_LIMIT_SOURCE },
    links: (model.links ?? []).map((link, i) => shownUrl(text, ['links', i], link).url),
    findings,
  };
}

/** An environment whose file failed its schema: only what does not need the model. */
function unknownEnvironment(name: string, file: string, tier: EnvironmentAudit['tier'], limit: UserLimit, findings: EnvironmentAudit['findings']): EnvironmentAudit {
  const users = { limit, planned: null, source: USER_LIMIT_SOURCE };
  // Same key order as a valid environment's, so the JSON reads alike.
  return { name, file, valid: false, tier, description: null, devId: null, api: null, webhook: null, destinations: [], data: null, widget: null, secrets: [], aws: null, owners: [], users, links: [], findings };
}

/**
 * A URL as the report shows it. One a rule flagged (webhook-url-credentials) still shows where it points:
 * displayUrl drops the credentials, query and fragment, and secret-shaped path tokens are masked as code
 * frames mask them.
 */
function shownUrl(text: (path: (string | number)[], value: string) => string, path: (string | number)[], raw: string): { url: string; host: string } {
  const shown = displayUrl(raw);
  return text(path, raw) === raw ? shown : { url: maskSecretShaped(shown.url), host: shown.host };
}

function dataAudit(model: Environment): DataAudit | null {
  const data = desiredData(model);
  if (!data) return null;
  return {
    types: data.types ? [...data.types] : null,
    samples: data.samples ?? null,
    fields: data.fields.map((f) => ({ dataType: f.dataType, fields: [...f.fields] })),
    processing: data.processing ?? null,
  };
}

function secretLocations(name: string, model: Environment): SecretLocation[] {
  const generated: SecretLocation[] = destinationSecrets(name, model).map((s) => ({
    name: s.name,
    purpose: s.purpose,
    source: { kind: 'destination-credentials', destination: `${s.destination.type} ${s.destination.name}` },
  }));
  return [...referenced(name, model), ...generated];
}

function referenced(name: string, model: Environment): SecretLocation[] {
  return environmentSecrets(name, model).map((s) => {
    const location: SecretLocation = {
      name: s.name,
      purpose: s.purpose,
      source: 'fromStackConfig' in s.ref ? { kind: 'stack-config', key: s.ref.fromStackConfig } : { kind: 'environment-variable', variable: s.ref.fromEnv },
    };
    if (s.provider) location.provider = s.provider;
    return location;
  });
}

/** Errors, warnings and infos among some diagnostics. */
export function countFindings(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number; infos: number } {
  const { errors, warnings, infos } = summarize(diagnostics, 0);
  return { errors, warnings, infos };
}
