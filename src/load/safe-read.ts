import { closeSync, constants, fstatSync, openSync, readSync, readlinkSync, realpathSync, type Stats } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { realPathThisTurn } from './real-paths-this-turn';

/** Why a file was not read. Only `kind`, the size and the errno are given: never a byte of the file. */
export type SafeReadFailure =
  | { kind: 'missing' }
  | { kind: 'unreadable'; code: string }
  | { kind: 'directory' }
  | { kind: 'special'; what: 'a named pipe' | 'a device' | 'a socket' | 'something that is not a regular file' }
  /** `exact`: the size the file reports; otherwise how much was read before the cap stopped it. */
  | { kind: 'too-large'; bytes: number; exact: boolean }
  | { kind: 'outside-root'; via: 'link' | 'path' };

export type SafeReadResult = { bytes: Buffer } | { failure: SafeReadFailure };

export interface SafeReadOptions {
  /** Refuse the file once it is known to be larger than this many bytes. */
  maxBytes: number;
  /** When given, refuse any file whose real path (symbolic links resolved) is not inside this folder. */
  root?: string;
}

// O_NONBLOCK: opening a named pipe must not wait for a writer. O_NOFOLLOW: a final link is never followed (a
// checked real path has none, so one swapped in after the check is refused; readInKnownFolder sends one the
// checked way). O_NOCTTY: a terminal never becomes ours.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0) | (constants.O_NOCTTY ?? 0);

const CHUNK = 64 * 1024;

/**
 * Reads a regular file, never more than `maxBytes` (+1 to know it is more), without blocking and without
 * leaving `root`. The type and size come from fstat of the open descriptor, not from a stat of the path, so
 * what is checked is what is read. A size of 0 proves nothing (/proc and /sys files report 0 and stream on),
 * so the read itself stops at the cap. Never throws.
 */
export function readRegularFile(absPath: string, options: SafeReadOptions): SafeReadResult {
  if (options.root === undefined) return openAndRead(absPath, options.maxBytes, undefined);
  return readInKnownFolder(absPath, options.root, options.maxBytes) ?? readAfterRealPathCheck(absPath, options.root, options.maxBytes);
}

// Linux names the file behind a descriptor in /proc/self/fd (https://man7.org/linux/man-pages/man5/proc_pid_fd.5.html).
const DESCRIPTORS_NAMED = process.platform === 'linux';

/**
 * The common case in about five system calls (open, readlink, fstat, read, close) instead of a realpath of
 * the root and of the file (glibc's walks every component with readlink) on top: undefined sends anything
 * unusual to readAfterRealPathCheck, which answers exactly as before. Why this is as safe:
 * - the root and the file's folder are resolved once per turn (realPathThisTurn), and the folder must lie in
 *   the root before anything is opened, so a folder link out of the project is refused, never opened;
 * - the file is opened by the path given, with O_NOFOLLOW: a final component that is a link fails (ELOOP)
 *   and goes the checked way, like every other failed open;
 * - before a byte is read, the kernel's name for what was opened (/proc/self/fd) must be exactly the real
 *   folder plus the file's name. That proves the open followed no link and that the folder still resolves
 *   where it did when checked: a folder swapped for a link since (after the memo, or between check and open)
 *   makes the names differ. Where the kernel cannot say, the checked way is taken.
 */
function readInKnownFolder(absPath: string, root: string, maxBytes: number): SafeReadResult | undefined {
  if (!DESCRIPTORS_NAMED || !isPlainAbsolute(absPath)) return undefined;
  const slash = absPath.lastIndexOf('/');
  const realRoot = realPathThisTurn(root);
  const realFolder = realPathThisTurn(slash === 0 ? '/' : absPath.slice(0, slash));
  if (realRoot === undefined || realFolder === undefined || !isRealInside(realRoot, realFolder)) return undefined;
  const expected = `${realFolder === '/' ? '' : realFolder}${absPath.slice(slash)}`;
  let fd: number;
  try {
    fd = openSync(absPath, OPEN_FLAGS);
  } catch {
    return undefined;
  }
  let opened: string | undefined;
  try {
    opened = readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    opened = undefined;
  }
  if (opened !== expected) {
    closeSync(fd);
    return undefined;
  }
  return readOpened(fd, maxBytes, undefined);
}

/** The path is absolute and already normal (no `.` or `..` part, no doubled or trailing slash). */
function isPlainAbsolute(path: string): boolean {
  return path.startsWith('/') && !path.endsWith('/') && !path.includes('//') && !/\/\.\.?(?:\/|$)/.test(path);
}

/** Both are real paths (absolute, normal), so a prefix is containment. */
function isRealInside(realDir: string, realPath: string): boolean {
  return realPath === realDir || realPath.startsWith(realDir === '/' ? '/' : `${realDir}/`);
}

/** Resolves the file's real path and the root's, for every file: the way for links and anything unusual. */
function readAfterRealPathCheck(absPath: string, root: string, maxBytes: number): SafeReadResult {
  const realRoot = realPathOf(root);
  const contained = containedRealPath(absPath, root, realRoot ?? resolve(root));
  if ('failure' in contained) return contained;
  return openAndRead(contained.real, maxBytes, realRoot);
}

/** Opens `target` (never through a final link) and reads it; with `realRoot`, only if it opened inside. */
function openAndRead(target: string, maxBytes: number, realRoot: string | undefined): SafeReadResult {
  let fd: number;
  try {
    fd = openSync(target, OPEN_FLAGS);
  } catch (error) {
    return { failure: fromErrno(error) };
  }
  return readOpened(fd, maxBytes, realRoot);
}

/** Checks what the descriptor is and reads it, then closes it. */
function readOpened(fd: number, maxBytes: number, realRoot: string | undefined): SafeReadResult {
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { failure: { kind: 'directory' } };
    if (!stat.isFile()) return { failure: { kind: 'special', what: specialKind(stat) } };
    if (stat.size > maxBytes) return { failure: { kind: 'too-large', bytes: stat.size, exact: true } };
    if (realRoot !== undefined && !openedInside(fd, realRoot)) return { failure: { kind: 'outside-root', via: 'link' } };
    return readCapped(fd, maxBytes, stat.size);
  } catch (error) {
    return { failure: fromErrno(error) };
  } finally {
    closeSync(fd);
  }
}

/** One read buffer for the process: a fresh 64 KiB buffer per file was most of a large run's garbage. */
let scratch: Buffer | undefined;

function readCapped(fd: number, maxBytes: number, size: number): SafeReadResult {
  scratch ??= Buffer.allocUnsafeSlow(CHUNK);
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    // Whole chunks, even past the cap: some kernel files (/proc/self/pagemap) refuse reads of odd sizes.
    const n = readSync(fd, scratch, 0, CHUNK, null);
    if (n === 0) break;
    total += n;
    if (total > maxBytes) return { failure: { kind: 'too-large', bytes: total, exact: false } };
    chunks.push(Buffer.from(scratch.subarray(0, n)));
    // Once a regular file has given the size fstat reported, that is its end: no read only to see 0 bytes.
    // Size 0 (a /proc file) or a shorter content (a /sys file reports a page) reads on to the end as before.
    if (total === size) break;
  }
  return { bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total) };
}

/** The real path of `absPath` when it lies inside the real path of `root`. */
function containedRealPath(absPath: string, root: string, realRoot: string): { real: string } | { failure: SafeReadFailure } {
  const lexicallyInside = isInside(resolve(root), resolve(absPath));
  let real: string;
  try {
    real = realpathSync.native(absPath);
  } catch (error) {
    return { failure: fromErrno(error) };
  }
  if (!isInside(realRoot, real)) return { failure: { kind: 'outside-root', via: lexicallyInside ? 'link' : 'path' } };
  return { real };
}

/**
 * Where the descriptor really points (Linux: /proc/self/fd), checked again after opening: a folder on the
 * way swapped for a link between the check and the open would otherwise go unseen. Where the system cannot
 * say, the check before opening stands.
 */
function openedInside(fd: number, realRoot: string): boolean {
  let opened: string;
  try {
    opened = readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return true;
  }
  if (!isAbsolute(opened)) return true;
  return isInside(realRoot, opened);
}

/** The root's real path, taken once per read for both checks; undefined when it cannot be resolved. */
function realPathOf(root: string): string | undefined {
  try {
    return realpathSync.native(root);
  } catch {
    return undefined;
  }
}

function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

function specialKind(stat: Stats): Extract<SafeReadFailure, { kind: 'special' }>['what'] {
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'something that is not a regular file';
}

function fromErrno(error: unknown): SafeReadFailure {
  const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
  if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
  if (code === 'EISDIR') return { kind: 'directory' };
  // A socket cannot be opened at all (ENXIO); a link swapped in after the real-path check fails O_NOFOLLOW.
  if (code === 'ENXIO') return { kind: 'special', what: 'a socket' };
  return { kind: 'unreadable', code };
}
