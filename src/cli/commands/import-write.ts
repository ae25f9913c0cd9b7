import { randomBytes } from 'node:crypto';
import { linkSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { TerraIacError } from '../../core/errors';

/** One file an import writes. */
export interface NewFile {
  absPath: string;
  /** How messages name it: `config/clinic.yaml`. */
  shownAs: string;
  text: string;
}

/**
 * Writes every file or none. Without `force`, an existing file refuses the whole write (exit 2) before
 * anything is written, and each file is put in place with link(2), which never replaces a file that
 * appeared in the meantime. With `force`, each is renamed over the old one (a reader sees the old file
 * or the whole new one). A failure part-way puts back what was there.
 */
export function writeNewFiles(files: readonly NewFile[], force: boolean): void {
  refuseExisting(files, force);
  const temps: string[] = [];
  const done: { file: NewFile; before: string | undefined }[] = [];
  try {
    const staged = files.map((file) => {
      mkdirSync(dirname(file.absPath), { recursive: true });
      const temp = join(dirname(file.absPath), `.${basename(file.absPath)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
      writeFileSync(temp, file.text, { flag: 'wx' });
      temps.push(temp);
      return { file, temp };
    });
    for (const { file, temp } of staged) {
      const before = force && kindOf(file) === 'file' ? readFileSync(file.absPath, 'utf8') : undefined;
      if (force) renameSync(temp, file.absPath);
      else linkSync(temp, file.absPath);
      done.push({ file, before });
    }
  } catch (error) {
    for (const { file, before } of done.reverse()) restore(file, before);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw exists(files.map((f) => f.shownAs).filter((_, i) => !done.some((d) => d.file === files[i])));
    throw new TerraIacError(`cannot write ${files.map((f) => f.shownAs).join(' and ')}: ${code ?? 'error'}; nothing was written`, 'io', {
      hint: 'check that the project folder is writable',
    });
  } finally {
    for (const temp of temps) rmSync(temp, { force: true });
  }
}

/**
 * Throws (exit 2) when a path is taken by something other than a regular file, or, without `force`, by a
 * file at all. Run before reading Terra too, so a refused import asks nothing.
 */
export function refuseExisting(files: readonly Pick<NewFile, 'absPath' | 'shownAs'>[], force: boolean): void {
  const existing = files.filter((f) => kindOf(f) !== 'absent');
  for (const file of existing) {
    if (kindOf(file) !== 'file') throw new TerraIacError(`${file.shownAs} exists and is not a regular file; nothing was written`, 'io', { hint: 'move it away, then run the import again' });
  }
  if (existing.length > 0 && !force) throw exists(existing.map((f) => f.shownAs));
}

function kindOf(file: Pick<NewFile, 'absPath' | 'shownAs'>): 'absent' | 'file' | 'other' {
  try {
    return lstatSync(file.absPath).isFile() ? 'file' : 'other';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw new TerraIacError(`cannot check ${file.shownAs}: ${(error as NodeJS.ErrnoException).code ?? 'error'}; nothing was written`, 'io');
  }
}

function exists(names: readonly string[]): TerraIacError {
  return new TerraIacError(`${names.join(' and ')} already exist${names.length === 1 ? 's' : ''}; nothing was written`, 'usage', {
    hint: 'pass --force to replace both files, or import under another --env NAME',
  });
}

/** Puts back a file this write replaced (its old text) or created (removed). */
function restore(file: NewFile, before: string | undefined): void {
  try {
    if (before === undefined) rmSync(file.absPath, { force: true });
    else writeFileSync(file.absPath, before);
  } catch {
    // The error that started the rollback is what the user sees; this file is as the failed write left it.
  }
}
