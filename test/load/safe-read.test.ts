import { execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRegularFile, type SafeReadFailure, type SafeReadResult } from '../../src/load/safe-read';

const MAX = 64;
let dir: string;

beforeAll(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'terra-iac-safe-read-')));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = (result: SafeReadResult) => ('bytes' in result ? result.bytes.toString('utf8') : result);

/**
 * What readRegularFile answered before it learnt a faster way, written plainly: the real path of the file
 * and of the root, then what lies at the real path. The fast way must give the same answer for every path.
 */
function reference(absPath: string, root: string, maxBytes: number): SafeReadResult {
  const inside = (folder: string, path: string) => {
    const rel = relative(folder, path);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
  };
  const fail = (failure: SafeReadFailure): SafeReadResult => ({ failure });
  let realRoot: string;
  try {
    realRoot = realpathSync.native(root);
  } catch {
    realRoot = resolve(root);
  }
  let real: string;
  try {
    real = realpathSync.native(absPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code!;
    return fail(code === 'ENOENT' || code === 'ENOTDIR' ? { kind: 'missing' } : { kind: 'unreadable', code });
  }
  if (!inside(realRoot, real)) return fail({ kind: 'outside-root', via: inside(resolve(root), resolve(absPath)) ? 'link' : 'path' });
  const stat = lstatSync(real);
  if (stat.isDirectory()) return fail({ kind: 'directory' });
  if (stat.isFIFO()) return fail({ kind: 'special', what: 'a named pipe' });
  if (stat.size > maxBytes) return fail({ kind: 'too-large', bytes: stat.size, exact: true });
  try {
    return { bytes: readFileSync(real) };
  } catch (error) {
    return fail({ kind: 'unreadable', code: (error as NodeJS.ErrnoException).code! });
  }
}

describe.skipIf(process.platform === 'win32')('readRegularFile with a root', () => {
  const names = ['project', 'rootlink', 'outside', 'sub', 'deep', 'file.yaml', 'secret.yaml', 'big.yaml', 'empty.yaml', 'pipe', 'locked.yaml', 'missing.yaml'];
  const links = ['to-file', 'to-sub', 'to-outside-file', 'to-outside-dir', 'to-inside-dir', 'to-outside-pipe', 'up-and-out', 'chain', 'dangling', 'to-root', 'to-parent'];

  beforeAll(() => {
    const project = join(dir, 'project');
    const outside = join(dir, 'outside');
    for (const folder of [join(project, 'sub', 'deep'), join(outside, 'sub')]) mkdirSync(folder, { recursive: true });
    for (const folder of [project, join(project, 'sub'), join(project, 'sub', 'deep'), outside, join(outside, 'sub')]) {
      writeFileSync(join(folder, 'file.yaml'), `a: ${folder.slice(dir.length)}\n`);
      writeFileSync(join(folder, 'big.yaml'), 'x'.repeat(MAX + 1));
      writeFileSync(join(folder, 'empty.yaml'), '');
      writeFileSync(join(folder, 'locked.yaml'), 'a: 1\n');
      chmodSync(join(folder, 'locked.yaml'), 0o000);
      execFileSync('mkfifo', [join(folder, 'pipe')]);
    }
    writeFileSync(join(outside, 'secret.yaml'), 'aws_secret_access_key: wJalrXUtnFEMI\n');
    const link = (target: string, at: string) => symlinkSync(target, at);
    for (const folder of [project, join(project, 'sub')]) {
      link(join(folder, 'file.yaml'), join(folder, 'to-file'));
      link('sub', join(folder, 'to-sub'));
      link(join(outside, 'secret.yaml'), join(folder, 'to-outside-file'));
      link(outside, join(folder, 'to-outside-dir'));
      link(join(project, 'sub'), join(folder, 'to-inside-dir'));
      link(join(outside, 'pipe'), join(folder, 'to-outside-pipe'));
      link('../outside/secret.yaml', join(folder, 'up-and-out'));
      link('to-file', join(folder, 'chain'));
      link('nowhere', join(folder, 'dangling'));
      link(project, join(folder, 'to-root'));
      link('..', join(folder, 'to-parent'));
    }
    link('project', join(dir, 'rootlink'));
  });

  it('answers as the real-path check did, for any path, plain or not, inside the root or out', () => {
    const segment = fc.constantFrom(...names, ...links, '.', '..', '');
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), fc.constantFrom('project', 'rootlink'), (segments, root) => {
        const absPath = `${dir}/${segments.join('/')}`;
        const rootPath = join(dir, root);
        expect(readRegularFile(absPath, { maxBytes: MAX, root: rootPath })).toEqual(reference(absPath, rootPath, MAX));
      }),
      { numRuns: 1500 },
    );
  });

  it('sees a folder relinked between two reads of one synchronous run: out of the project is refused, elsewhere inside is read', () => {
    const project = join(dir, 'relinked-folder');
    mkdirSync(join(project, 'a'), { recursive: true });
    mkdirSync(join(project, 'b'));
    mkdirSync(join(dir, 'relinked-outside'));
    writeFileSync(join(project, 'a', 'env.yaml'), 'from: a\n');
    writeFileSync(join(project, 'b', 'env.yaml'), 'from: b\n');
    writeFileSync(join(dir, 'relinked-outside', 'env.yaml'), 'aws_secret_access_key: wJalrXUtnFEMI\n');
    const relink = (target: string) => {
      symlinkSync(target, join(project, 'next'));
      renameSync(join(project, 'next'), join(project, 'config'));
    };
    const read = () => readRegularFile(join(project, 'config', 'env.yaml'), { maxBytes: MAX, root: project });
    relink('a');
    expect(text(read())).toBe('from: a\n');
    relink(join(dir, 'relinked-outside'));
    expect(read()).toEqual({ failure: { kind: 'outside-root', via: 'link' } });
    relink('b');
    expect(text(read())).toBe('from: b\n');
  });

  it('resolves the root afresh for a later request: a root relinked in between is the root that counts', async () => {
    const first = join(dir, 'root-first');
    const second = join(dir, 'root-second');
    mkdirSync(join(first, 'config'), { recursive: true });
    mkdirSync(second);
    writeFileSync(join(first, 'config', 'env.yaml'), 'from: first\n');
    // The second project's config folder is a link into the first: its files are outside the second root.
    symlinkSync(join(first, 'config'), join(second, 'config'));
    const root = join(dir, 'root-link');
    symlinkSync(first, root);
    const read = () => readRegularFile(join(root, 'config', 'env.yaml'), { maxBytes: MAX, root });
    expect(text(read())).toBe('from: first\n');
    await Promise.resolve();
    symlinkSync(second, join(dir, 'root-next'));
    renameSync(join(dir, 'root-next'), root);
    expect(read()).toEqual({ failure: { kind: 'outside-root', via: 'link' } });
  });
});
