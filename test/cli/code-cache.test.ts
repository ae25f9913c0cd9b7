import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, STACK_FRAME, assertBuilt, baseEnv, copyProject, removeProjects } from './helpers';

beforeAll(assertBuilt);
afterAll(removeProjects);

interface Loader {
  BUNDLE: string;
  openBundle(file?: string): { fd: number; size: number; stamp: string };
  readBundle(opened: { fd: number; size: number }): string;
  cacheFileFor(file: string, stamp: string): string;
}
const loader = createRequire(__filename)(join(REPO, 'bin', 'load-bundle.js')) as Loader;

const installs: string[] = [];
afterAll(() => installs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/**
 * A private copy of bin/ and dist/ (mtimes kept, so the build's cache still names this bundle), for tests that
 * change the bundle or its cache.
 */
function install(): { dir: string; bundle: string; cache: string } {
  const dir = mkdtempSync(join(tmpdir(), 'terra-iac-install-'));
  installs.push(dir);
  for (const sub of ['bin', 'dist']) {
    mkdirSync(join(dir, sub));
    for (const name of readdirSync(join(REPO, sub))) {
      const from = join(REPO, sub, name);
      // dist/vendor/ (the libraries the bundle requires on first use) comes along; dist/scripts/ is build tooling.
      if (statSync(from).isDirectory()) {
        if (name === 'vendor') cpSync(from, join(dir, sub, name), { recursive: true, preserveTimestamps: true });
        continue;
      }
      copyFileSync(from, join(dir, sub, name));
      setMtime(join(dir, sub, name), statSync(from).mtimeMs);
    }
  }
  const bundle = join(dir, 'dist', 'cli.js');
  return { dir, bundle, cache: loader.cacheFileFor(bundle, loader.openBundle(bundle).stamp) };
}

/** Sets a file's mtime to the whole millisecond of `ms` (the half keeps float seconds from rounding below it). */
function setMtime(file: string, ms: number): void {
  const seconds = (Math.floor(ms) + 0.5) / 1000;
  utimesSync(file, seconds, seconds);
}

function cli(dir: string, args: readonly string[], cwd: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [join(dir, 'bin', 'terra-iac.js'), ...args], { cwd, env: baseEnv(env), encoding: 'utf8' });
}

/** Every file of a directory with its size and mtime: what "nothing was written" compares. */
function snapshot(dir: string): string[] {
  return readdirSync(dir).map((name) => {
    const stat = statSync(join(dir, name));
    return `${name} ${stat.size} ${stat.mtimeMs}`;
  });
}

describe('the V8 code cache the build leaves next to the bundle', () => {
  const project = copyProject();

  it('exists after the build for this Node, named for its version and this very bundle, and V8 accepts it', () => {
    const opened = loader.openBundle();
    const cacheFile = loader.cacheFileFor(loader.BUNDLE, opened.stamp);
    expect(cacheFile).toContain(`.${process.version}-${process.arch}.`);
    expect(existsSync(cacheFile)).toBe(true);
    // In a fresh process, as the CLI does it: V8 takes a cache only under the flags that made it (tuneHeap).
    const loaderFile = JSON.stringify(join(REPO, 'bin', 'load-bundle.js'));
    const check = `const L = require(${loaderFile}); L.tuneHeap(); const o = L.openBundle();
      const s = L.compileBundle(L.BUNDLE, L.readBundle(o), require('node:fs').readFileSync(L.cacheFileFor(L.BUNDLE, o.stamp)));
      process.stdout.write(String(s.cachedDataRejected));`;
    const run = spawnSync(process.execPath, ['-e', check], { env: baseEnv(), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('false');
  });

  it('the bundle is ASCII, so reading it as latin1 is exact', () => {
    const bytes = readFileSync(loader.BUNDLE);
    expect(bytes.some((byte) => byte > 0x7f)).toBe(false);
    expect(loader.readBundle(loader.openBundle())).toBe(bytes.toString('utf8'));
  });

  it('gives the same result as no cache at all', () => {
    const { dir, cache } = install();
    const cached = cli(dir, ['validate', '--format', 'json'], project);
    rmSync(cache);
    const uncached = cli(dir, ['validate', '--format', 'json'], project, { NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(cached.status).toBe(0);
    expect(JSON.parse(cached.stdout).summary.files).toBe(7);
    expect(uncached.stdout).toBe(cached.stdout);
    expect(uncached.status).toBe(0);
  });

  it('is never written by the CLI: a read-only install starts as fast as any other', () => {
    const { dir } = install();
    const before = snapshot(join(dir, 'dist'));
    for (const args of [['validate'], ['--help'], ['validate', '--format', 'sarif']]) expect(cli(dir, args, project).status).toBe(0);
    expect(snapshot(join(dir, 'dist'))).toEqual(before);
  });

  it('is ignored when corrupt, without changing the result or printing a stack trace', () => {
    const { dir, cache } = install();
    const reference = cli(dir, ['validate', '--format', 'json'], project).stdout;
    writeFileSync(cache, 'not a V8 code cache');
    const run = cli(dir, ['validate', '--format', 'json'], project);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(reference);
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });

  it('is never used for a rebuilt bundle, even one of the same length (which V8 alone would accept)', () => {
    const { dir, bundle, cache } = install();
    const text = readFileSync(bundle, 'latin1');
    const rebuilt = text.replace('Usage: terra-iac <command>', 'Usage: TERRA-IAC <command>');
    expect(rebuilt).not.toBe(text);
    expect(rebuilt.length).toBe(text.length);
    const { mtimeMs } = statSync(bundle);
    writeFileSync(bundle, rebuilt, 'latin1');
    setMtime(bundle, mtimeMs + 1000);
    expect(cli(dir, ['--help'], project).stdout).toMatch(/^Usage: TERRA-IAC <command>/);
    // Control: the old cache under the new bundle's name is accepted by V8 and runs the old code.
    copyFileSync(cache, loader.cacheFileFor(bundle, loader.openBundle(bundle).stamp));
    expect(cli(dir, ['--help'], project).stdout).toMatch(/^Usage: terra-iac <command>/);
  });

  it('without the bundle the CLI says how to build it and exits 2', () => {
    const { dir, bundle } = install();
    rmSync(bundle);
    const run = cli(dir, ['validate'], project);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('dist/cli.js is missing; run `npm ci` (or `npm run build`)');
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });
});
