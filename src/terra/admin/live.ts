import type { AdminOperationId } from './admin-operations';
import type { TerraAdminClient } from './client';
import { partReader } from './part-reader';
import type { DesiredTerraState } from './desired';
import { dataReadOperations, dataReadParts, readDataConfig } from './live-data';
import { sameCode } from './normalize';
import type { ObservedCredentials, ObservedDestination, ObservedScopes, ObservedSource, ObservedTerraState, UnreadPart } from './observed';

/** The GET operations a live read makes: what `drift` preflights the token for. */
export const LIVE_READ_OPERATIONS: readonly AdminOperationId[] = ['listSources', 'getSourceCredentials', 'getSourceScopes', 'listDestinations'];

/** LIVE_READ_OPERATIONS plus the data-configuration reads of what this declaration manages. */
export function liveReadOperations(desired: DesiredTerraState): AdminOperationId[] {
  return [...LIVE_READ_OPERATIONS, ...dataReadOperations(dataReadParts(desired.data, desired.widget))];
}

/**
 * Terra's live state of one environment, read with GET requests only (`listSources`, `listDestinations`,
 * then `getSourceCredentials` and `getSourceScopes` of every source that is declared or enabled), started
 * as soon as each is known, and the data configuration and widget where config/ manages them (live-data.ts),
 * within the client's pacing. A read Terra refuses or that fails becomes an `unread`
 * part, so what it covers is reported unverifiable, never in sync. A refused token (401, 403 scope_missing)
 * and errors that are not Terra's answer (no token, a read-only violation) are thrown.
 */
export async function readLiveState(client: TerraAdminClient, desired: DesiredTerraState): Promise<ObservedTerraState> {
  const unread: UnreadPart[] = [];
  const notices: string[] = [];
  const devId = desired.devId;
  const attempt = partReader(unread);

  // Declared and enabled sources, plus what Terra has on: credentials of an undeclared source are reported too.
  // The declared ones are read at once, beside the lists; only what the list adds waits for it.
  const codes: string[] = [];
  const pending: Promise<SourceRead>[] = [];
  const read = (code: string) => {
    if (codes.some((c) => sameCode(c, code))) return;
    const lower = code.toLowerCase();
    codes.push(lower);
    const reading = readSource(lower);
    // Awaited below; should a list's read throw first (a refused token), this one must not go unhandled.
    reading.catch(() => undefined);
    pending.push(reading);
  };
  const readSource = async (code: string): Promise<SourceRead> => {
    const [credentials, scopes] = await Promise.all([
      attempt(() => client.getSourceCredentials(devId, code), { object: 'credentials', key: code }),
      attempt(() => client.getSourceScopes(devId, code), { object: 'scopes', key: code }),
    ]);
    return { code, credentials, scopes };
  };
  for (const s of desired.sources) if (s.enabled) read(s.adminCode);

  const dataRead = readDataConfig(client, devId, dataReadParts(desired.data, desired.widget));
  dataRead.catch(() => undefined);
  const [listed, destinations] = await Promise.all([
    attempt(() => client.listSources(devId), { object: 'source', key: '*' }),
    attempt(() => client.listDestinations(devId), { object: 'webhook', key: '*' }),
  ]);
  if (listed) notices.push(...listed.notices);
  const sources: ObservedSource[] = (listed?.sources ?? []).flatMap((s) => (s.provider ? [observedSource(s.provider, s.active, s.auth_redirect_url)] : []));
  for (const s of sources) if (s.active) read(s.provider);
  if (!listed) for (const c of desired.credentials) read(c.adminCode);
  const reads = await Promise.all(pending);
  const credentials: ObservedCredentials[] = [];
  const scopes: ObservedScopes[] = [];
  for (const read of reads) {
    if (read.credentials) {
      const c = read.credentials;
      const entry: ObservedCredentials = { provider: c.provider ?? read.code, hasCredentials: c.has_credentials };
      if (c.terra_owned !== undefined) entry.terraOwned = c.terra_owned;
      if (c.credential?.provider_client_id !== undefined) entry.clientId = c.credential.provider_client_id;
      if (c.credential?.provider_client_secret_masked !== undefined) entry.secretMask = c.credential.provider_client_secret_masked;
      credentials.push(entry);
    }
    if (read.scopes) scopes.push({ provider: read.scopes.provider ?? read.code, scopes: read.scopes.scopes });
  }

  const { data, widget, unread: dataUnread } = await dataRead;
  unread.push(...dataUnread);
  const observed: ObservedTerraState = {
    sources,
    credentials,
    scopes,
    destinations: (destinations ?? []).map(observedDestination),
    ...(data ? { data } : {}),
    ...(widget ? { widget } : {}),
    notices,
  };
  return unread.length ? { ...observed, unread } : observed;
}

interface SourceRead {
  code: string;
  credentials: Awaited<ReturnType<TerraAdminClient['getSourceCredentials']>> | undefined;
  scopes: Awaited<ReturnType<TerraAdminClient['getSourceScopes']>> | undefined;
}

function observedSource(provider: string, active: boolean | undefined, authRedirectUrl: string | undefined): ObservedSource {
  // The list is of enabled providers: a row without `active` counts as on.
  const source: ObservedSource = { provider, active: active ?? true };
  if (authRedirectUrl !== undefined) source.authRedirectUrl = authRedirectUrl;
  return source;
}

function observedDestination(d: { id: string; type: string; url: string; active: boolean; event_types?: string[] }): ObservedDestination {
  const destination: ObservedDestination = { id: d.id, type: d.type, url: d.url, active: d.active };
  if (d.event_types !== undefined) destination.eventTypes = d.event_types;
  return destination;
}
