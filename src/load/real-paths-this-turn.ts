import { realpathSync } from 'node:fs';

/**
 * Real paths resolved during the current synchronous turn of the event loop, forgotten at its end (the
 * first queued microtask). A whole `validate` reads its files in one turn, so the root and each folder are
 * resolved once instead of once per file; a long-lived caller (the test runner, an editor's language
 * server) gets fresh answers on its next request, so a folder or root relinked in between is seen.
 */
let thisTurn: Map<string, string | null> | undefined;

/** The real path of `path` (symbolic links resolved), or undefined when it cannot be resolved. */
export function realPathThisTurn(path: string): string | undefined {
  if (thisTurn === undefined) {
    thisTurn = new Map();
    queueMicrotask(() => {
      thisTurn = undefined;
    });
  }
  let real = thisTurn.get(path);
  if (real === undefined) {
    try {
      real = realpathSync.native(path);
    } catch {
      real = null;
    }
    thisTurn.set(path, real);
  }
  return real ?? undefined;
}
