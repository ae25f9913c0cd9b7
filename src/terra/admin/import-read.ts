import { TerraIacError } from '../../core/errors';
import { TerraCallError } from '../http/terra-call-error';
import type { DevDetail } from './admin-types';
import type { TerraAdminClient } from './client';
import type { DesiredTerraState } from './desired';
import { readLiveState } from './live';
import type { ObservedTerraState } from './observed';

/** What an import reads: the live state drift reads, and the environment's detail when it was asked for. */
export interface ImportSource {
  observed: ObservedTerraState;
  detail?: DevDetail;
  /** Why the detail could not be read, when it was asked for and Terra refused or failed. */
  detailProblem?: string;
}

/**
 * Reads a dev-id the way drift does (GET only: `listSources`, `listDestinations`, then
 * `getSourceCredentials` and `getSourceScopes` of every enabled source), starting from a declaration of
 * nothing, so every enabled source is read. A part Terra would not give means the file would be wrong, so
 * it stops the import (exit 2) rather than being left out. `getEnvironment` (scope account:read) is read
 * only when asked for (the tier is to be inferred, or the token has the scope), and its failure is returned,
 * not thrown: the caller decides whether it needs it.
 */
export async function readImportSource(client: TerraAdminClient, devId: string, withDetail: boolean): Promise<ImportSource> {
  const detailRead = withDetail ? readDetail(client, devId) : Promise.resolve(undefined);
  // Awaited below; should the live read throw first (a refused token), this one must not go unhandled.
  detailRead.catch(() => undefined);
  const observed = await readLiveState(client, nothingDeclared(devId));
  const unread = observed.unread ?? [];
  if (unread.length > 0) {
    const first = unread[0]!;
    throw new TerraIacError(
      `Terra's ${first.object === 'webhook' ? 'destinations' : first.object} of dev-id ${devId} could not be read (${first.reason}${unread.length > 1 ? `, and ${unread.length - 1} more` : ''}), so the import would be incomplete; nothing was written`,
      'io',
      { hint: 'run the import again; if it keeps failing, check that the token has the scopes providers:read and destinations:read' },
    );
  }
  const detail = await detailRead;
  const source: ImportSource = { observed };
  if (detail && 'value' in detail) source.detail = detail.value;
  if (detail && 'problem' in detail) source.detailProblem = detail.problem;
  return source;
}

async function readDetail(client: TerraAdminClient, devId: string): Promise<{ value: DevDetail } | { problem: string }> {
  try {
    return { value: await client.getEnvironment(devId) };
  } catch (error) {
    if (!(error instanceof TerraCallError)) throw error;
    return { problem: error.message };
  }
}

/** The declaration of an environment that declares nothing: what `readLiveState` starts from here. */
function nothingDeclared(devId: string): DesiredTerraState {
  return { environment: '', devId, undeclaredProviders: 'keep', declared: [], sources: [], credentials: [], scopes: [], notAppliable: [] };
}
