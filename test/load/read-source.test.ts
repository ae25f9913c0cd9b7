import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, readSource, type ReadResult } from '../../src/load/read-source';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'terra-iac-read-source-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function read(bytes: Buffer | string, name = 'file.yaml'): ReadResult {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return readSource(path);
}

const problem = (result: ReadResult) => ('problem' in result ? result.problem : undefined);

describe('readSource', () => {
  it('reads UTF-8 text, multi-byte characters included', () => {
    expect(read('owner: Zoë 😀\n')).toEqual({ text: 'owner: Zoë 😀\n' });
  });

  it('drops a byte order mark so positions start at the first real character', () => {
    expect(read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a: 1\n')]))).toEqual({ text: 'a: 1\n' });
  });

  it('reads an empty file as empty text (the YAML stage reports it)', () => {
    expect(read('')).toEqual({ text: '' });
  });

  it('reports a missing file', () => {
    expect(problem(readSource(join(dir, 'nope.yaml')))).toMatchObject({ ruleId: 'file-unreadable', message: 'file does not exist', line: 1, column: 1 });
  });

  it('reports a directory', () => {
    mkdirSync(join(dir, 'folder.yaml'));
    expect(problem(readSource(join(dir, 'folder.yaml')))).toMatchObject({ ruleId: 'file-unreadable', message: 'expected a file, found a directory' });
  });

  it.skipIf(process.getuid?.() === 0)('reports a file it may not read', () => {
    const path = join(dir, 'locked.yaml');
    writeFileSync(path, 'a: 1\n');
    chmodSync(path, 0o000);
    expect(problem(readSource(path))).toMatchObject({ ruleId: 'file-unreadable', message: expect.stringMatching(/permission denied/) });
  });

  it('accepts a file of exactly the limit and refuses one byte more, before reading it', () => {
    expect(read(Buffer.alloc(MAX_FILE_BYTES, 0x61), 'max.yaml')).toHaveProperty('text');
    expect(problem(read(Buffer.alloc(MAX_FILE_BYTES + 1, 0x61), 'over.yaml'))).toMatchObject({
      ruleId: 'file-too-large',
      message: expect.stringMatching(/more than the 1\.0 MiB a config file may be/),
      line: 1,
      column: 1,
    });
  });

  it('reports NUL bytes as binary, at the line and column of the first one', () => {
    expect(problem(read(Buffer.from('a: 1\nbé\u0000c\n')))).toMatchObject({ ruleId: 'file-binary', line: 2, column: 3 });
  });

  it.each([
    ['a Latin-1 byte', [0x61, 0x3a, 0x20, 0xe9, 0x0a], 1, 4],
    ['a lone continuation byte', [0x0a, 0x0a, 0x80], 3, 1],
    ['an overlong encoding of "/"', [0x61, 0xc0, 0xaf], 1, 2],
    ['an encoded UTF-16 surrogate', [0x78, 0xed, 0xa0, 0x80], 1, 2],
    ['0xFF', [0xc3, 0xa9, 0xff], 1, 2],
    ['a multi-byte character cut off at the end', [0x61, 0xe2, 0x82], 1, 2],
  ])('reports %s as not UTF-8, with the first bad byte located', (_name, bytes, line, column) => {
    const found = problem(read(Buffer.from(bytes)));
    expect(found).toMatchObject({ ruleId: 'file-encoding', line, column });
    expect(found!.message).toMatch(/^file is not valid UTF-8 \(byte 0x[0-9a-f]{2} at offset \d+\)$/);
    expect(found!.hint).toBe('re-save the file as UTF-8');
  });
});

describe('readSource on things that are not regular files', () => {
  it.skipIf(process.platform === 'win32')('refuses a device instead of reading it forever', () => {
    expect(problem(readSource('/dev/zero'))).toMatchObject({ ruleId: 'file-unreadable', message: 'expected a file, found a device' });
  });

  it.skipIf(process.platform === 'win32')('refuses a named pipe instead of waiting on it', () => {
    const fifo = join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    expect(problem(readSource(fifo))).toMatchObject({ ruleId: 'file-unreadable', message: 'expected a file, found a named pipe' });
  });
});
