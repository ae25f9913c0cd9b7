import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { TerraIacError } from '../core/errors';

/**
 * Writes `text` to a temporary sibling and renames it over `path`: a reader (a CI upload step, a browser)
 * sees the old file or the whole new one, never half a report. Failures become an `io` TerraIacError (exit 2)
 * naming the file as the user wrote it (`shownAs`).
 */
export function writeReportFile(path: string, text: string, shownAs: string = path): void {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    if (isDirectory(path)) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temp, text, { flag: 'wx' });
    renameSync(temp, path);
  } catch (error) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // Nothing more to do: the report was not written, which the error below says.
    }
    const code = (error as NodeJS.ErrnoException).code;
    throw new TerraIacError(`cannot write ${shownAs}: ${code ?? (error as Error).message}`, 'io', {
      hint: 'check that the folder exists and is writable, and that FILE is not a folder',
      cause: error,
    });
  }
}

/** True for an existing directory; false for anything else, including paths that do not exist. */
export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
