import { lstatSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { TerraIacError } from '../core/errors';
import { nodeCrypto } from '../core/node-crypto';

/** A file the command read: the report must never replace it. `shownAs` is how messages name it. */
export interface ReportInput {
  absPath: string;
  shownAs: string;
}

/**
 * Writes `text` to a temporary sibling and renames it over `path`: a reader (a CI upload step, a browser)
 * sees the old file or the whole new one, never half a report. Only a regular file or a new path is
 * written; a device, pipe, socket or folder there is refused, and so is any of `inputs` (by real path and by
 * device and inode, so links and hard links count), since renaming over it would destroy it. A link to a
 * regular file is written through, the link kept. Failures become an `io` TerraIacError (exit 2) naming the file
 * as the user wrote it (`shownAs`), with the target untouched.
 */
export function writeReportFile(path: string, text: string, shownAs: string = path, inputs: readonly ReportInput[] = []): void {
  const target = checkTarget(path, shownAs, inputs);
  const dir = dirname(target.path);
  const temp = join(dir, `.${basename(target.path)}.${process.pid}-${nodeCrypto().randomBytes(6).toString('hex')}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    removeStaleTemps(dir, basename(target.path));
    writeFileSync(temp, text, { flag: 'wx', ...(target.mode === undefined ? {} : { mode: target.mode }) });
    renameSync(temp, target.path);
  } catch (error) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // Nothing more to do: the report was not written, which the error below says.
    }
    throw cannotWrite(shownAs, error);
  }
}

/** What the report will replace: the real path behind any links, and the mode to keep. */
function checkTarget(path: string, shownAs: string, inputs: readonly ReportInput[]): { path: string; mode?: number } {
  let link: Stats;
  try {
    link = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { path };
    throw cannotWrite(shownAs, error);
  }
  let stat: Stats;
  let real: string;
  try {
    stat = statSync(path);
    real = realpathSync.native(path);
  } catch (error) {
    if (link.isSymbolicLink()) throw refuse(shownAs, 'it is a symbolic link to nothing', 'name a regular file or a new path, or remove the broken link');
    throw cannotWrite(shownAs, error);
  }
  if (stat.isDirectory()) throw refuse(shownAs, 'EISDIR (it is a directory)', 'name a file inside the folder, for example FOLDER/report.txt');
  if (!stat.isFile()) {
    throw refuse(
      shownAs,
      `it is ${kindOf(stat)}, not a regular file`,
      '--output writes a new file and renames it into place, which would replace it: name a regular file or a new path, or leave --output out and redirect stdout',
    );
  }
  for (const input of inputs) {
    if (sameFile(real, stat, input.absPath)) {
      throw refuse(shownAs, `it is ${input.shownAs}, a file this command reads: the report would replace it`, 'name a new file for the report, for example terra-iac-report.txt');
    }
  }
  return { path: real, mode: stat.mode & 0o777 };
}

function sameFile(real: string, stat: Stats, other: string): boolean {
  try {
    const otherStat = statSync(other);
    if (otherStat.dev === stat.dev && otherStat.ino === stat.ino) return true;
    return realpathSync.native(other) === real;
  } catch {
    return resolve(other) === real;
  }
}

/**
 * Temporary files that writers killed before their rename left behind (SIGKILL, a CI timeout): their pid is
 * in the name, and a pid no longer running cannot come back for its file. Another writer's live temp is kept.
 */
function removeStaleTemps(dir: string, base: string): void {
  const prefix = `.${base}.`;
  for (const entry of readdirSync(dir)) {
    if (!entry.startsWith(prefix)) continue;
    const match = /^(\d+)-[0-9a-f]{12}\.tmp$/.exec(entry.slice(prefix.length));
    if (match && !isRunning(Number(match[1]))) rmSync(join(dir, entry), { force: true });
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function kindOf(stat: Stats): string {
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'something else';
}

function refuse(shownAs: string, why: string, hint: string): TerraIacError {
  return new TerraIacError(`cannot write ${shownAs}: ${why}`, 'io', { hint });
}

function cannotWrite(shownAs: string, error: unknown): TerraIacError {
  const code = (error as NodeJS.ErrnoException).code;
  return new TerraIacError(`cannot write ${shownAs}: ${code ?? (error as Error).message}`, 'io', {
    hint: 'check that the folder exists and is writable, and that FILE is not a folder',
    cause: error,
  });
}

/** True for an existing directory; false for anything else, including paths that do not exist. */
export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
