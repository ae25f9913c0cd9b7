import type { EnvironmentAudit, ProviderCell, ProviderRow, UserLimit } from '../types';

/** The kinds of matrix cell, one marker and one class each, so every format says the same thing. */
export type CellKind = 'managed' | 'dedicated' | 'mobile-sdk' | 'no-keys' | 'missing-keys' | 'disabled' | 'not-declared' | 'unknown';

export const CELL_LEGEND: Record<CellKind, { marker: string; label: string; meaning: string }> = {
  managed: { marker: '✅', label: 'Terra keys', meaning: 'enabled on Terra-managed keys' },
  dedicated: { marker: '🔑', label: 'dedicated keys', meaning: 'enabled on our own ("bring your own") keys' },
  'mobile-sdk': { marker: '📱', label: 'mobile SDK', meaning: 'enabled; reachable only through Terra\'s mobile SDK, no keys' },
  'no-keys': { marker: '✅', label: 'no keys needed', meaning: 'enabled; the provider has no keys to bring' },
  'missing-keys': { marker: '⚠️', label: 'keys required', meaning: 'enabled, but Terra needs dedicated keys and none are declared' },
  disabled: { marker: '⛔', label: 'disabled', meaning: 'declared with enabled: false' },
  'not-declared': { marker: '—', label: 'not declared', meaning: 'not in the environment file, so off' },
  unknown: { marker: '❓', label: 'unknown', meaning: 'the environment file does not pass validation' },
};

const GOOGLE_SCOPE_PREFIX = 'https://www.googleapis.com/auth/';

export function cellKind(cell: ProviderCell, row: ProviderRow): CellKind {
  if (cell.status !== 'enabled') return cell.status;
  switch (cell.keys) {
    case 'dedicated':
      return 'dedicated';
    case 'required-missing':
      return 'missing-keys';
    case 'not-applicable':
      return row.mobileSdkOnly ? 'mobile-sdk' : 'no-keys';
    default:
      return 'managed';
  }
}

/** Google scopes as people write them: the part after the googleapis prefix. */
export function shortScope(scope: string): string {
  return scope.startsWith(GOOGLE_SCOPE_PREFIX) ? scope.slice(GOOGLE_SCOPE_PREFIX.length) : scope;
}

/** The details under a cell's marker, one short line each, as plain text (renderers escape them). */
export function cellDetails(cell: ProviderCell): string[] {
  const lines: string[] = [];
  if (cell.clientId) lines.push(`${cell.clientId.label} ${cell.clientId.value}`);
  if (cell.appVerification) lines.push(`Google app ${cell.appVerification}`);
  if (cell.scopes) lines.push(`scopes: ${cell.scopes.map(shortScope).join(', ')}`);
  if (cell.regions) {
    const needs = cell.regions.filter((r) => r.practiceIdRequired).map((r) => r.country);
    lines.push(`regions: ${cell.regions.map((r) => r.country).join(', ')}`);
    if (needs.length > 0) {
      lines.push(cell.practiceId ? `${needs.join(', ')}: practice id ${cell.practiceId}` : `${needs.join(', ')}: need a practice id, none declared`);
    }
  } else if (cell.practiceId) {
    lines.push(`practice id ${cell.practiceId}`);
  }
  if (cell.route) lines.push(`route: ${cell.route}${cell.partnershipApproved === undefined ? '' : cell.partnershipApproved ? ', partnership approved' : ', partnership not approved'}`);
  if (cell.notes) lines.push(`note: ${cell.notes}`);
  return lines;
}

/** Badges after a provider's name: mobile SDK only, unconfirmed code, deprecated, unknown code. */
export function rowBadges(row: ProviderRow): string[] {
  const badges: string[] = [];
  if (row.mobileSdkOnly) badges.push('mobile SDK only');
  if (!row.known) badges.push('not in the catalog');
  else if (!row.confirmed) badges.push('code unconfirmed');
  if (row.deprecated) badges.push('deprecated');
  return badges;
}

export function userLimitText(limit: UserLimit): string {
  return limit === 'unlimited' ? 'unlimited' : limit === 'unknown' ? 'unknown (no tier)' : `${limit} users`;
}

export function eventTypesText(types: readonly string[] | null): string {
  return types ? types.join(', ') : 'all event types (Terra\'s default)';
}

export function secretSourceText(source: EnvironmentAudit['secrets'][number]['source']): string {
  if (source.kind === 'stack-config') return `stack config ${source.key}`;
  if (source.kind === 'environment-variable') return `environment variable ${source.variable}`;
  return `access key terra-iac creates for the ${source.destination} destination`;
}

export function kmsText(kmsKey: string | null): string {
  return kmsKey ?? 'a key created for this environment';
}

/**
 * For each cell of a row, the environment to its left when the two cells say something different (another
 * marker or other details): where a promotion from one environment to the next changes the provider. None
 * for the first column, and none where either file does not pass validation (unknown is not a difference).
 */
export function differsFromLeft(row: ProviderRow): (string | undefined)[] {
  const says = (c: ProviderCell) => JSON.stringify([cellKind(c, row), cellDetails(c)]);
  return row.cells.map((c, i) => {
    const left = row.cells[i - 1];
    if (!left || c.status === 'unknown' || left.status === 'unknown') return undefined;
    return says(c) === says(left) ? undefined : left.environment;
  });
}

/** `data:` in one line: only what config/ manages; `not managed` without it. */
export function dataText(data: EnvironmentAudit['data']): string {
  if (!data) return 'not managed';
  const parts: string[] = [];
  if (data.types) parts.push(`types ${data.types.length ? data.types.join(', ') : '(none)'} (ATHLETE always)`);
  if (data.samples !== null) parts.push(`samples ${data.samples ? 'on' : 'off'}`);
  for (const f of data.fields) parts.push(`${f.dataType} fields ${f.fields.join(', ')}`);
  if (data.processing) parts.push(`processing ${data.processing}`);
  return parts.length ? parts.join('; ') : 'not managed';
}

/** `widget:` in one line: name and logo URL where declared. */
export function widgetText(widget: EnvironmentAudit['widget']): string {
  if (!widget) return 'not managed';
  const parts = [widget.name === null ? undefined : `name ${widget.name}`, widget.logoUrl === null ? undefined : `logo ${widget.logoUrl}`].filter((p): p is string => p !== undefined);
  return parts.length ? parts.join(', ') : 'not managed';
}
