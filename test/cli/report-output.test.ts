import { execFileSync, spawn } from 'node:child_process';
import { linkSync, lstatSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync, watch } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, STACK_FRAME, assertBuilt, baseEnv, copyProject, removeProjects, runCli } from './helpers';

beforeAll(assertBuilt);
afterAll(removeProjects);

const asRoot = process.getuid?.() === 0;

/** What is at `path` now: its type, and its bytes when it is a regular file. */
function snapshot(path: string): { type: string; rdev: number; bytes?: string } {
  const stat = lstatSync(path);
  const type = stat.isFile() ? 'file' : stat.isFIFO() ? 'fifo' : stat.isSocket() ? 'socket' : stat.isCharacterDevice() ? 'char-device' : stat.isSymbolicLink() ? 'link' : 'other';
  return { type, rdev: stat.rdev, ...(stat.isFile() ? { bytes: readFileSync(path, 'utf8') } : {}) };
}

function expectRefused(result: ReturnType<typeof runCli>, why: RegExp): void {
  expect(result.stderr).toMatch(why);
  expect(result.stderr).toMatch(/^ {2}hint: /m);
  expect(`${result.stdout}${result.stderr}`).not.toMatch(STACK_FRAME);
  expect(result.code).toBe(2);
}

describe.skipIf(process.platform === 'win32')('--output refuses what it must not replace, leaving it untouched', () => {
  it('a named pipe (validate and audit)', () => {
    const cwd = copyProject();
    execFileSync('mkfifo', [join(cwd, 'report.pipe')]);
    expectRefused(runCli(['validate', '--output', 'report.pipe'], { cwd }), /cannot write .*report\.pipe: it is a named pipe, not a regular file/);
    expectRefused(runCli(['audit', '--output', 'report.pipe'], { cwd }), /cannot write report\.pipe: it is a named pipe, not a regular file/);
    expect(snapshot(join(cwd, 'report.pipe')).type).toBe('fifo');
  });

  it('a socket', async () => {
    const cwd = copyProject();
    const server: Server = createServer();
    await new Promise<void>((done) => server.listen(join(cwd, 'report.sock'), done));
    try {
      expectRefused(runCli(['validate', '--output', 'report.sock'], { cwd }), /it is a socket, not a regular file/);
      expect(snapshot(join(cwd, 'report.sock')).type).toBe('socket');
    } finally {
      await new Promise((done) => server.close(done));
    }
  });

  it.skipIf(!asRoot)('a device node, as root (a copy of /dev/full, made with mknod)', () => {
    const cwd = copyProject();
    execFileSync('mknod', [join(cwd, 'full'), 'c', '1', '7']);
    const before = snapshot(join(cwd, 'full'));
    expectRefused(runCli(['validate', '--output', 'full'], { cwd }), /cannot write .*full: it is a device, not a regular file/);
    expectRefused(runCli(['audit', '--format', 'csv', '--output', 'full'], { cwd }), /cannot write full: it is a device/);
    expect(snapshot(join(cwd, 'full'))).toEqual(before);
    expect(before.type).toBe('char-device');
  });

  it('the config file it just checked, by name, through a link and through a hard link', () => {
    const cwd = copyProject();
    const config = join(cwd, 'config', 'testing.yaml');
    const before = snapshot(config);
    symlinkSync('config/testing.yaml', join(cwd, 'link.txt'));
    linkSync(config, join(cwd, 'hard.txt'));
    const why = /cannot write .+: it is config\/testing\.yaml, a file this command reads: the report would replace it/;
    expectRefused(runCli(['validate', '--output', 'config/testing.yaml'], { cwd }), why);
    expectRefused(runCli(['validate', '--env', 'testing', '--output', 'link.txt'], { cwd }), why);
    expectRefused(runCli(['validate', 'config/testing.yaml', '--output', 'hard.txt'], { cwd }), why);
    expectRefused(runCli(['audit', '--output', 'config/testing.yaml'], { cwd }), why);
    expect(snapshot(config)).toEqual(before);
    expect(snapshot(join(cwd, 'link.txt')).type).toBe('link');
  });

  it('the stack files and Pulumi.yaml too, and the passphrase file it read', () => {
    const cwd = copyProject();
    const stack = snapshot(join(cwd, 'Pulumi.testing.yaml'));
    expectRefused(runCli(['validate', '--output', 'Pulumi.testing.yaml'], { cwd }), /it is Pulumi\.testing\.yaml, a file this command reads/);
    expectRefused(runCli(['validate', '--output', 'Pulumi.yaml'], { cwd }), /it is Pulumi\.yaml, a file this command reads/);
    expect(snapshot(join(cwd, 'Pulumi.testing.yaml'))).toEqual(stack);
    writeFileSync(join(cwd, 'passphrase'), 'terra-iac-demo-passphrase\n');
    const env = baseEnv({ PULUMI_CONFIG_PASSPHRASE_FILE: join(cwd, 'passphrase') });
    expectRefused(runCli(['validate', '--output', 'passphrase'], { cwd, env }), /it is the PULUMI_CONFIG_PASSPHRASE_FILE, a file this command reads/);
    expect(readFileSync(join(cwd, 'passphrase'), 'utf8')).toBe('terra-iac-demo-passphrase\n');
  });

  it('still writes a new path, replaces a regular file, and writes through a link to one', () => {
    const cwd = copyProject();
    expect(runCli(['validate', '--format', 'json', '--output', 'new/report.json'], { cwd }).code).toBe(0);
    expect(JSON.parse(readFileSync(join(cwd, 'new', 'report.json'), 'utf8')).summary.errors).toBe(0);
    writeFileSync(join(cwd, 'old.json'), 'old');
    expect(runCli(['validate', '--format', 'json', '--output', 'old.json'], { cwd }).code).toBe(0);
    expect(JSON.parse(readFileSync(join(cwd, 'old.json'), 'utf8')).summary.errors).toBe(0);
    mkdirSync(join(cwd, 'reports'));
    writeFileSync(join(cwd, 'reports', 'latest.json'), 'old');
    symlinkSync('reports/latest.json', join(cwd, 'latest.json'));
    expect(runCli(['validate', '--format', 'json', '--output', 'latest.json'], { cwd }).code).toBe(0);
    expect(snapshot(join(cwd, 'latest.json')).type).toBe('link');
    expect(JSON.parse(readFileSync(join(cwd, 'reports', 'latest.json'), 'utf8')).summary.errors).toBe(0);
  });
});

describe.skipIf(process.platform === 'win32')('--output under SIGKILL', () => {
  /** A project whose JSON report is several megabytes, so the write takes long enough to be interrupted. */
  const cwd = copyProject({ 'config/testing.yaml': (text) => `${text}${Array.from({ length: 15_000 }, (_, i) => `unknownSetting${i}: 0\n`).join('')}` });
  const out = join(cwd, 'out');
  mkdirSync(out);
  const args = [BIN, 'validate', '--format', 'json', '--output', 'out/report.json'];
  const temps = () => readdirSync(out).filter((name) => name.endsWith('.tmp'));

  /** Runs the writer, killing it with SIGKILL the moment its temporary file appears, or after `delayMs`. */
  function killedRun(delayMs: number): Promise<{ signal: NodeJS.Signals | null; sawTemp: boolean }> {
    return new Promise((done) => {
      const child = spawn(process.execPath, args, { cwd, env: baseEnv(), stdio: 'ignore' });
      let sawTemp = false;
      const watcher = watch(out, (_event, name) => {
        if (name?.endsWith('.tmp')) {
          sawTemp = true;
          child.kill('SIGKILL');
        }
      });
      const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
      child.on('exit', (_code, signal) => {
        clearTimeout(timer);
        watcher.close();
        done({ signal, sawTemp });
      });
    });
  }

  it('leaves the old report or the whole new one, never part of one; the next writer clears killed writers\' temporary files', async () => {
    const started = Date.now();
    expect(runCli(args.slice(1), { cwd, timeoutMs: 120_000 }).code).toBe(1);
    const fullRunMs = Date.now() - started;
    const complete = readFileSync(join(out, 'report.json'), 'utf8');
    expect(JSON.parse(complete).summary.errors).toBeGreaterThanOrEqual(15_000);
    let killedMidWrite = 0;
    for (let i = 0; i < 8; i++) {
      // Odd runs are killed by the watcher as their temporary file appears; even ones at points of the run.
      const { signal, sawTemp } = await killedRun(i % 2 === 1 ? 10 * fullRunMs : (fullRunMs * (i + 2)) / 10);
      if (sawTemp) killedMidWrite++;
      expect(signal).toBe('SIGKILL');
      expect(readFileSync(join(out, 'report.json'), 'utf8') === complete, `run ${i}: the report is not whole`).toBe(true);
      for (const name of temps()) expect(name).toMatch(/^\.report\.json\.\d+-[0-9a-f]{12}\.tmp$/);
    }
    // The watcher saw the writers' temporary files: the kills did land between their creation and the rename.
    expect(killedMidWrite).toBeGreaterThanOrEqual(4);
    expect(runCli(args.slice(1), { cwd, timeoutMs: 120_000 }).code).toBe(1);
    expect(readFileSync(join(out, 'report.json'), 'utf8')).toBe(complete);
    expect(temps()).toEqual([]);
  }, 240_000);
});
