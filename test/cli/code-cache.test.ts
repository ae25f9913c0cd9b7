import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, assertBuilt, baseEnv, copyProject, removeProjects } from './helpers';

beforeAll(assertBuilt);
afterAll(removeProjects);

/** A private copy of bin/ and dist/cli.js, so the test owns the cache file next to the bundle. */
const install = mkdtempSync(join(tmpdir(), 'terra-iac-install-'));
afterAll(() => rmSync(install, { recursive: true, force: true }));
mkdirSync(join(install, 'bin'));
mkdirSync(join(install, 'dist'));
copyFileSync(join(REPO, 'bin', 'terra-iac.js'), join(install, 'bin', 'terra-iac.js'));
copyFileSync(join(REPO, 'dist', 'cli.js'), join(install, 'dist', 'cli.js'));
const bundleStat = statSync(join(install, 'dist', 'cli.js'));
const cacheFile = join(install, 'dist', `cli.js.${process.version}.${bundleStat.size}-${Math.floor(bundleStat.mtimeMs)}.cache`);

function validate(cwd: string) {
  return spawnSync(process.execPath, [join(install, 'bin', 'terra-iac.js'), 'validate', '--format', 'json'], { cwd, env: baseEnv(), encoding: 'utf8' });
}

describe('the V8 code cache bin/terra-iac.js keeps next to the bundle', () => {
  const project = copyProject();

  it('is written by the first run and gives the same result on the next', () => {
    const first = validate(project);
    expect(first.status).toBe(0);
    expect(existsSync(cacheFile)).toBe(true);
    expect(statSync(cacheFile).size).toBeGreaterThan(1000);
    const second = validate(project);
    expect(second.status).toBe(0);
    expect(second.stdout).toBe(first.stdout);
  });

  it('is replaced when it is corrupt, without changing the result', () => {
    const reference = validate(project).stdout;
    writeFileSync(cacheFile, 'not a V8 code cache');
    const run = validate(project);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(reference);
    expect(run.stderr).not.toMatch(/at .+:\d+:\d+/);
    expect(readFileSync(cacheFile).toString('latin1')).not.toBe('not a V8 code cache');
  });
});
