import { TerraCallError } from '../http/terra-call-error';
import type { UnreadPart } from './observed';

/** Runs one read of a live state; a part Terra would not give is recorded in `unread` and read as undefined. */
export type PartReader = <T>(read: () => Promise<T>, part: Omit<UnreadPart, 'reason'>) => Promise<T | undefined>;

/**
 * A reader that turns Terra's refusal or failure of one part into an `unread` entry, so what it covers is
 * reported unverifiable, never in sync. The token itself refused (401, a missing scope, another dev-id) means
 * no part can be read: that is the run's error with its fix, and it is thrown, as is anything that is not
 * Terra's answer. A missing entitlement (403 `access_denied`) concerns one part only.
 */
export function partReader(unread: UnreadPart[]): PartReader {
  return async (read, part) => {
    try {
      return await read();
    } catch (error) {
      if (!(error instanceof TerraCallError)) throw error;
      if (error.exitKind === 'auth' && error.code !== 'access_denied') throw error;
      unread.push({ ...part, reason: `not read: ${error.message}` });
      return undefined;
    }
  };
}
