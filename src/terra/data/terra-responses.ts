/**
 * Lenient readers of the Terra responses the smoke test uses. Each returns the parsed value or a short
 * reason why the body does not have the documented shape (terra-api@2.1.0 types and the 2026
 * OpenAPI disagree in places, so both spellings are accepted).
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** `GET /integrations`: web-API codes and mobile-SDK codes. */
export interface IntegrationCatalog {
  providers: string[];
  sdkProviders: string[];
}

/** One entry of `GET /integrations/detailed` (with the dev-id header: this account's catalogue). */
export interface DetailedIntegration {
  provider: string;
  enabled: boolean;
}

/** What the first page of `GET /subscriptions?page=0&per_page=1` says about the number of users. */
export interface UserCount {
  count: number;
  /** How the count was derived, for the check message. */
  basis: 'users-list' | 'max-page' | 'single-page';
}

/** `POST /auth/generateWidgetSession`. */
export interface WidgetSession {
  url: string;
  expiresIn?: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

export function parseIntegrations(body: unknown): Parsed<IntegrationCatalog> {
  if (!isRecord(body)) return { ok: false, reason: 'the body is not a JSON object' };
  if (!isStringList(body.providers)) return { ok: false, reason: '`providers` is not a list of provider codes' };
  // OpenAPI 2026 and the legacy SDKs say sdk_providers; terra-api@2.1.0 types say sdk_resource (tryterra/openapi v2-bundled.yaml; terra-api dist/cjs/api/types).
  const sdk = [body.sdk_providers, body.sdk_resource].filter(isStringList).flat();
  return { ok: true, value: { providers: body.providers, sdkProviders: [...new Set(sdk)] } };
}

export function parseDetailedIntegrations(body: unknown): Parsed<DetailedIntegration[]> {
  if (!isRecord(body) || !Array.isArray(body.providers)) return { ok: false, reason: '`providers` is not a list' };
  const out: DetailedIntegration[] = [];
  for (const item of body.providers) {
    if (!isRecord(item) || typeof item.provider !== 'string') return { ok: false, reason: 'a `providers` entry has no `provider` code' };
    // A listed provider without an explicit flag is enabled: the dev-id filtered list holds enabled ones only.
    out.push({ provider: item.provider, enabled: item.enabled !== false });
  }
  return { ok: true, value: out };
}

/**
 * Both documented shapes: `{users: [...]}` (unpaginated) and `{data: {next, max_page, results}}`. With
 * per_page=1, `max_page` is the last zero-based page index, so the count is max_page + 1 (UNCONFIRMED
 * against the live API; a last page (`next: null`) is counted exactly).
 */
export function parseUserCount(body: unknown): Parsed<UserCount> {
  if (!isRecord(body)) return { ok: false, reason: 'the body is not a JSON object' };
  if (Array.isArray(body.users)) return { ok: true, value: { count: body.users.length, basis: 'users-list' } };
  const data = body.data;
  if (!isRecord(data) || !Array.isArray(data.results)) return { ok: false, reason: 'neither `users` nor `data.results` is a list' };
  if (data.next === null || data.next === undefined) return { ok: true, value: { count: data.results.length, basis: 'single-page' } };
  if (typeof data.max_page !== 'number' || !Number.isInteger(data.max_page) || data.max_page < 0) {
    return { ok: false, reason: '`data.max_page` is not a page index' };
  }
  return { ok: true, value: { count: (data.max_page + 1) * Math.max(1, data.results.length), basis: 'max-page' } };
}

export function parseWidgetSession(body: unknown): Parsed<WidgetSession> {
  if (!isRecord(body)) return { ok: false, reason: 'the body is not a JSON object' };
  if (body.status === 'error') return { ok: false, reason: `status "error"${typeof body.message === 'string' ? `: ${body.message}` : ''}` };
  if (typeof body.url !== 'string' || !body.url) return { ok: false, reason: 'no widget `url` in the answer' };
  return { ok: true, value: { url: body.url, expiresIn: typeof body.expires_in === 'number' ? body.expires_in : undefined } };
}
