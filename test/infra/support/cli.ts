import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './shipped';

/** A Node stack frame: never allowed in what the CLI prints without --verbose. */
export const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node bin/terra-iac.js ...args` in a fresh process with PATH and HOME only, plus `env`. */
export function terraIac(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  if (!existsSync(join(REPO, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first');
  const result = spawnSync(process.execPath, [join(REPO, 'bin', 'terra-iac.js'), ...args], {
    cwd: options.cwd ?? REPO,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...options.env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
