import { readRegularFile, type SafeReadFailure } from './safe-read';
import { utf16Kind } from './utf16';

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

export interface ReadSourceOptions {
  /** The project root: a file whose real path leaves it (a symbolic link to ~/.aws/credentials) is not read. */
  root?: string;
}

const at1 = { line: 1, column: 1 };

/** Reads a config file as UTF-8 text, or says precisely why it cannot be. Never throws. */
export function readSource(absPath: string, options: ReadSourceOptions = {}): ReadResult {
  const read = readRegularFile(absPath, { maxBytes: MAX_FILE_BYTES, ...(options.root === undefined ? {} : { root: options.root }) });
  if ('failure' in read) return { problem: describeFailure(read.failure) };
  const bytes = read.bytes;
  const utf16 = utf16Kind(bytes);
  if (utf16 !== undefined) {
    return {
      problem: {
        ruleId: 'file-encoding',
        message: `file is ${utf16}, not UTF-8`,
        hint: `convert it to UTF-8: iconv -f ${utf16.startsWith('UTF-32') ? 'UTF-32' : 'UTF-16'} -t UTF-8 FILE > FILE.utf8 && mv FILE.utf8 FILE (or save it as UTF-8 in your editor)`,
        ...at1,
      },
    };
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

function describeFailure(failure: SafeReadFailure): ReadProblem {
  switch (failure.kind) {
    case 'missing':
      return { ruleId: 'file-unreadable', message: 'file does not exist', hint: 'check the path, or create the file', ...at1 };
    case 'unreadable':
      return {
        ruleId: 'file-unreadable',
        message: failure.code === 'EACCES' ? 'file cannot be read (permission denied)' : `file cannot be read (${failure.code})`,
        hint: "check the file's permissions",
        ...at1,
      };
    case 'directory':
      return { ruleId: 'file-unreadable', message: 'expected a file, found a directory', hint: 'name a YAML file, not a folder', ...at1 };
    // A FIFO or device (/dev/zero, /dev/stdin) has no size and may never end: reading it would hang.
    case 'special':
      return { ruleId: 'file-unreadable', message: `expected a file, found ${failure.what}`, hint: 'name a regular YAML file', ...at1 };
    case 'too-large':
      return {
        ruleId: 'file-too-large',
        message: failure.exact
          ? `file is ${formatBytes(failure.bytes)}, more than the ${formatBytes(MAX_FILE_BYTES)} a config file may be`
          : `file reports no size and holds more than the ${formatBytes(MAX_FILE_BYTES)} a config file may be (it was read no further)`,
        hint: 'split it or remove generated content; environment files are a few kilobytes',
        ...at1,
      };
    case 'outside-root':
      return failure.via === 'link'
        ? {
            ruleId: 'file-unreadable',
            message: 'file is a symbolic link that leads outside the project, so it was not read',
            hint: 'commit the file itself, or point the link at a file inside the project: a link out of the repository would show a file of the machine that runs the check',
            ...at1,
          }
        : {
            ruleId: 'file-unreadable',
            message: 'file is outside the project root, so it was not read',
            hint: 'run with --root DIR naming the project that holds the file',
            ...at1,
          };
  }
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
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeUtf8(bytes: Buffer): string | undefined {
  try {
    return utf8.decode(bytes);
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
