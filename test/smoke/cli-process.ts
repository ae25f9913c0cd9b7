import { spawn } from 'node:child_process';
import { BIN, REPO, baseEnv } from '../cli/helpers';

export { REPO, assertBuilt, copyProject as projectCopy, removeProjects } from '../cli/helpers';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  elapsedMs: number;
}

/**
 * Runs the built CLI as its own process, asynchronously, so the local Terra server in this test process
 * keeps answering while it runs. The environment holds PATH and HOME plus `env` only.
 */
export function runSmokeCli(args: readonly string[], env: Record<string, string>, cwd = REPO): Promise<CliRun> {
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, 'smoke', ...args], {
    cwd,
    env: baseEnv(env),
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
