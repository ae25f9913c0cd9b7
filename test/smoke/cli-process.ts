import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REPO = join(__dirname, '..', '..');
const BIN = join(REPO, 'bin', 'terra-iac.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  elapsedMs: number;
}

/** `npm test` builds first; running this folder alone needs `npm run build`. */
export function assertBuilt(): void {
  if (!existsSync(join(REPO, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first');
}

/**
 * Runs the built CLI as its own process, asynchronously, so the local Terra server in this test process
 * keeps answering while it runs. The environment holds PATH and HOME plus `env` only.
 */
export function runSmokeCli(args: readonly string[], env: Record<string, string>, cwd = REPO): Promise<CliRun> {
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, 'smoke', ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? tmpdir(), ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const killer = setTimeout(() => child.kill('SIGKILL'), 25_000);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr, elapsedMs: Date.now() - started });
    });
  });
}

/** A throwaway copy of the shipped project with some files replaced; removed by `removeProjects()`. */
const made: string[] = [];
export function projectCopy(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'terra-iac-smoke-'));
  made.push(dir);
  for (const entry of ['config', 'schemas', 'Pulumi.yaml', 'Pulumi.testing.yaml', 'Pulumi.staging.yaml', 'Pulumi.production.yaml']) {
    cpSync(join(REPO, entry), join(dir, entry), { recursive: true });
  }
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  return dir;
}

export function removeProjects(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
