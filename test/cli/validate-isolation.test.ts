import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, assertBuilt, baseEnv, copyProject, removeProjects, runCli } from './helpers';

beforeAll(assertBuilt);
afterAll(removeProjects);

const HOOK = join(__dirname, 'fixtures', 'record-loaded-modules.cjs');
/** Code `validate` must never load: the Pulumi SDK, any AWS code, the Terra SDK, the browser driver. */
const FORBIDDEN = /[\\/]node_modules[\\/](@pulumi|@aws-sdk|aws-sdk|@smithy|terra-api|playwright-core)[\\/]/;

const scratch = mkdtempSync(join(tmpdir(), 'terra-iac-modules-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The module files a node process loaded, recorded by the preloaded hook. */
function loadedModules(args: readonly string[], name: string): string[] {
  const out = join(scratch, `${name}.json`);
  const env = baseEnv({ NODE_OPTIONS: `--require ${JSON.stringify(HOOK)}`, TERRA_IAC_TEST_LOADED_MODULES: out });
  const result = spawnSync(process.execPath, args, { cwd: REPO, env, encoding: 'utf8' });
  if (result.error) throw result.error;
  return JSON.parse(readFileSync(out, 'utf8'));
}

describe('what validate loads', () => {
  it('the hook sees an external package when one is loaded (control)', () => {
    const modules = loadedModules(['-e', "require('terra-api')"], 'control');
    expect(modules.some((m) => FORBIDDEN.test(m))).toBe(true);
  });

  it.each(['text', 'sarif'])('validate --format %s runs and loads no Pulumi, AWS or Terra SDK code', (format) => {
    const modules = loadedModules([join(REPO, 'bin', 'terra-iac.js'), 'validate', '--format', format], format);
    // bin/ compiles dist/cli.js through node:vm (for its code cache), so the bundle itself is not in the list;
    // what it require()s from node_modules would be.
    expect(modules).toContain(join(REPO, 'bin', 'terra-iac.js'));
    expect(modules.filter((m) => FORBIDDEN.test(m))).toEqual([]);
  });
});

describe('what help loads', () => {
  // The spec modules of the command table are what help reads: they must stay as light as validate.
  it.each(['--help', 'smoke --help', 'plan --help', 'audit -h', 'diff --help'])('terra-iac %s loads no Pulumi, AWS, Terra SDK or browser code', (line) => {
    const args = line.split(' ');
    const modules = loadedModules([join(REPO, 'bin', 'terra-iac.js'), ...args], `help-${args.join('')}`);
    expect(modules).toContain(join(REPO, 'bin', 'terra-iac.js'));
    expect(modules.filter((m) => FORBIDDEN.test(m))).toEqual([]);
  });
});

describe('colour', () => {
  const cwd = copyProject();
  /** Runs the CLI on a pseudo-terminal (util-linux `script`), where colour is allowed. */
  function onTerminal(env: Record<string, string>): string {
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(join(REPO, 'bin', 'terra-iac.js'))} validate`;
    const result = spawnSync('script', ['-qefc', command, '/dev/null'], { cwd, env: baseEnv(env), encoding: 'utf8' });
    if (result.error) throw result.error;
    expect(result.stdout).toMatch(/files checked/);
    return result.stdout;
  }

  it('is used on a terminal', () => {
    expect(onTerminal({})).toMatch(/\x1b\[\d+m/);
  });

  it('is off with NO_COLOR set to any non-empty value, as no-color.org defines', () => {
    expect(onTerminal({ NO_COLOR: '1' })).not.toContain('\x1b[');
    expect(onTerminal({ NO_COLOR: '' })).toMatch(/\x1b\[\d+m/);
  });

  it('is off when stdout is not a terminal', () => {
    expect(runCli(['validate'], { cwd }).stdout).not.toContain('\x1b[');
  });

  it('is off on a terminal that says TERM=dumb', () => {
    expect(onTerminal({ TERM: 'dumb' })).not.toContain('\x1b[');
    expect(onTerminal({ TERM: 'xterm-256color' })).toMatch(/\x1b\[\d+m/);
  });

  // Node's own order (https://nodejs.org/api/tty.html#writestreamgetcolordepthenv): FORCE_COLOR first.
  it.each(['1', '2', '3', 'true', ''])('is forced by FORCE_COLOR=%j when stdout is a pipe, over NO_COLOR and TERM=dumb', (value) => {
    expect(runCli(['validate'], { cwd, env: baseEnv({ FORCE_COLOR: value }) }).stdout).toMatch(/\x1b\[\d+m/);
    expect(runCli(['validate'], { cwd, env: baseEnv({ FORCE_COLOR: value, NO_COLOR: '1', TERM: 'dumb' }) }).stdout).toMatch(/\x1b\[\d+m/);
  });

  it.each(['0', 'false'])('is off with FORCE_COLOR=%s, even on a terminal', (value) => {
    expect(onTerminal({ FORCE_COLOR: value })).not.toContain('\x1b[');
  });

  it('is never written into an --output file, even when forced', () => {
    const result = runCli(['validate', '--output', 'report.txt'], { cwd, env: baseEnv({ FORCE_COLOR: '1' }) });
    expect(result.code).toBe(0);
    expect(readFileSync(join(cwd, 'report.txt'), 'utf8')).not.toContain('\x1b[');
  });
});
