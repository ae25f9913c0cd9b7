import { readFileSync, statSync, type Stats } from 'node:fs';

/** Larger files are refused before parsing: a config file this big is a mistake or an attack. */
export const MAX_FILE_BYTES = 1024 * 1024;

export interface ReadProblem {
  ruleId: 'file-unreadable' | 'file-too-large' | 'file-binary' | 'file-encoding';
  message: string;
  hint: string;
  line: number;
  column: number;
}

export type ReadResult = { text: string } | { problem: ReadProblem };

const at1 = { line: 1, column: 1 };

/** Reads a config file as UTF-8 text, or says precisely why it cannot be. Never throws. */
export function readSource(absPath: string): ReadResult {
  let size: number;
  try {
    const stat = statSync(absPath);
    if (stat.isDirectory()) {
      return { problem: { ruleId: 'file-unreadable', message: 'expected a file, found a directory', hint: 'name a YAML file, not a folder', ...at1 } };
    }
    // A FIFO or device (/dev/zero, /dev/stdin) has no size and may never end: reading it would hang.
    if (!stat.isFile()) {
      return { problem: { ruleId: 'file-unreadable', message: `expected a file, found ${specialKind(stat)}`, hint: 'name a regular YAML file', ...at1 } };
    }
    size = stat.size;
  } catch (error) {
    return { problem: unreadable(error) };
  }
  if (size > MAX_FILE_BYTES) {
    return {
      problem: {
        ruleId: 'file-too-large',
        message: `file is ${formatBytes(size)}, more than the ${formatBytes(MAX_FILE_BYTES)} a config file may be`,
        hint: 'split it or remove generated content; environment files are a few kilobytes',
        ...at1,
      },
    };
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(absPath);
  } catch (error) {
    return { problem: unreadable(error) };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return {
      problem: { ruleId: 'file-binary', message: 'file contains NUL bytes: it is binary, not YAML', hint: 'check that the right file is named', ...positionOfByte(bytes, nul) },
    };
  }
  const decoded = decodeUtf8(bytes);
  const bad = decoded === undefined ? firstInvalidUtf8(bytes) : -1;
  if (bad !== -1) {
    return {
      problem: {
        ruleId: 'file-encoding',
        message: `file is not valid UTF-8 (byte 0x${bytes[bad]!.toString(16).padStart(2, '0')} at offset ${bad})`,
        hint: 're-save the file as UTF-8',
        ...positionOfByte(bytes, bad),
      },
    };
  }
  let text = decoded ?? bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text };
}

function specialKind(stat: Stats): string {
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'something that is not a regular file';
}

function unreadable(error: unknown): ReadProblem {
  const code = (error as NodeJS.ErrnoException).code;
  const message =
    code === 'ENOENT' ? 'file does not exist' : code === 'EACCES' ? 'file cannot be read (permission denied)' : `file cannot be read (${code ?? 'I/O error'})`;
  const hint = code === 'ENOENT' ? 'check the path, or create the file' : 'check the file\'s permissions';
  return { ruleId: 'file-unreadable', message, hint, ...at1 };
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(n / 1024)} KiB`;
}

/** 1-based line and column of a byte offset, counting columns in characters of the valid prefix. */
function positionOfByte(bytes: Buffer, offset: number): { line: number; column: number } {
  const before = bytes.subarray(0, offset);
  const lineStart = before.lastIndexOf(0x0a) + 1;
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  const column = bytes.subarray(lineStart, offset).toString('utf8').length + 1;
  return { line, column };
}

/** Offset of the first byte that breaks UTF-8, or -1. */
/** The text, or undefined when the bytes are not valid UTF-8. Keeps a BOM, as Buffer#toString does. */
function decodeUtf8(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Offset of the first byte that breaks UTF-8 (only called once decoding failed), or -1. */
function firstInvalidUtf8(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    try {
      decoder.decode(bytes.subarray(i, i + len));
    } catch {
      return i;
    }
    i += len;
  }
  return -1;
}
