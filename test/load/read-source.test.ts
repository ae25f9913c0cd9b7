import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, readSource, type ReadResult } from '../../src/load/read-source';
import { assertBuilt, runCli } from '../cli/helpers';

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

describe('readSource refuses what it must not read', () => {
  const secret = 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

  it('a symbolic link whose real path leaves the project: located at the link, nothing of the target in the answer', () => {
    const project = join(dir, 'project-out');
    mkdirSync(join(project, 'config'), { recursive: true });
    writeFileSync(join(dir, 'credentials'), `${secret}\n`);
    symlinkSync(join(dir, 'credentials'), join(project, 'config', 'creds.yaml'));
    const result = readSource(join(project, 'config', 'creds.yaml'), { root: project });
    expect(problem(result)).toEqual({
      ruleId: 'file-unreadable',
      message: 'file is a symbolic link that leads outside the project, so it was not read',
      hint: expect.stringMatching(/point the link at a file inside the project/),
      line: 1,
      column: 1,
    });
    expect(JSON.stringify(result)).not.toContain('wJalrXUtnFEMI');
  });

  it('a link through a linked folder that leaves the project, and a relative link up and out', () => {
    const project = join(dir, 'project-folder-link');
    mkdirSync(project, { recursive: true });
    mkdirSync(join(dir, 'elsewhere'), { recursive: true });
    writeFileSync(join(dir, 'elsewhere', 'testing.yaml'), `${secret}\n`);
    symlinkSync(join(dir, 'elsewhere'), join(project, 'config'));
    expect(problem(readSource(join(project, 'config', 'testing.yaml'), { root: project }))).toMatchObject({ ruleId: 'file-unreadable', message: expect.stringMatching(/symbolic link that leads outside/) });
    symlinkSync('../credentials', join(project, 'up.yaml'));
    expect(problem(readSource(join(project, 'up.yaml'), { root: project }))).toMatchObject({ message: expect.stringMatching(/symbolic link that leads outside/) });
  });

  it('a link that stays inside the project is followed', () => {
    const project = join(dir, 'project-in');
    mkdirSync(join(project, 'shared'), { recursive: true });
    writeFileSync(join(project, 'shared', 'base.yaml'), 'tier: testing\n');
    symlinkSync('shared/base.yaml', join(project, 'linked.yaml'));
    expect(readSource(join(project, 'linked.yaml'), { root: project })).toEqual({ text: 'tier: testing\n' });
  });

  it('a file named outside the project root', () => {
    const project = join(dir, 'project-named');
    mkdirSync(project, { recursive: true });
    writeFileSync(join(dir, 'stray.yaml'), 'tier: testing\n');
    expect(problem(readSource(join(dir, 'stray.yaml'), { root: project }))).toMatchObject({ ruleId: 'file-unreadable', message: 'file is outside the project root, so it was not read' });
  });

  it.skipIf(process.platform !== 'linux')('a /proc file that reports size 0 and never ends stops at the size cap', () => {
    // pagemap holds 8 bytes for every page of the address space: terabytes behind a size of 0. Read by the
    // built CLI under a timeout, so a reader without the cap fails this test instead of hanging it.
    assertBuilt();
    const { code, stdout } = runCli(['validate', '--root', '/', '/proc/self/pagemap'], { cwd: '/', timeoutMs: 20_000 });
    expect(stdout).toMatch(/^proc\/self\/pagemap:1:1 error file reports no size and holds more than the 1\.0 MiB a config file may be \(it was read no further\) \[file-too-large\]$/m);
    expect(code).toBe(1);
  });

  it.skipIf(process.platform === 'win32')('a link inside the project to a named pipe: refused without waiting for a writer', () => {
    const project = join(dir, 'project-fifo');
    mkdirSync(project, { recursive: true });
    execFileSync('mkfifo', [join(project, 'pipe')]);
    symlinkSync('pipe', join(project, 'pipe.yaml'));
    expect(problem(readSource(join(project, 'pipe.yaml'), { root: project }))).toMatchObject({ message: 'expected a file, found a named pipe' });
  });
});

describe('readSource names the encoding of UTF-16 and UTF-32 files', () => {
  const text = 'tier: testing\n';
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  it.each([
    ['UTF-16 (little-endian, with a byte order mark)', le, 'UTF-16'],
    ['UTF-16 (big-endian, with a byte order mark)', Buffer.from(le).swap16(), 'UTF-16'],
    ['UTF-16 (little-endian, without a byte order mark)', Buffer.from(text, 'utf16le'), 'UTF-16'],
    ['UTF-32 (little-endian, with a byte order mark)', Buffer.from([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0]), 'UTF-32'],
  ])('%s, with the command that converts it', (kind, bytes, from) => {
    expect(problem(read(bytes, 'utf16.yaml'))).toEqual({
      ruleId: 'file-encoding',
      message: `file is ${kind}, not UTF-8`,
      hint: `convert it to UTF-8: iconv -f ${from} -t UTF-8 FILE > FILE.utf8 && mv FILE.utf8 FILE (or save it as UTF-8 in your editor)`,
      line: 1,
      column: 1,
    });
  });

  it('still calls a PNG binary', () => {
    expect(problem(read(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'png.yaml'))).toMatchObject({ ruleId: 'file-binary' });
  });
});
