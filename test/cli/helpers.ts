import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REPO = join(__dirname, '..', '..');
export const BIN = join(REPO, 'bin', 'terra-iac.js');

/** A Node stack frame (`    at fn (file.js:1:2)`): never allowed in what the CLI prints without --verbose. */
export const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The built CLI must exist: `npm test` builds before vitest runs; run `npm run build` when testing alone. */
export function assertBuilt(): void {
  if (!existsSync(join(REPO, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first');
}

/**
 * The environment a CI job would give the CLI: PATH and HOME only, so a developer's NO_COLOR,
 * FORCE_COLOR or PULUMI_CONFIG_PASSPHRASE never changes what a test sees.
 */
export function baseEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? tmpdir() };
  return { ...env, ...extra };
}

/** Runs `node bin/terra-iac.js ...args` as a separate process, the way a user or CI does. */
export function runCli(args: readonly string[], options: { cwd: string; env?: Record<string, string>; timeoutMs?: number }): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: options.env ?? baseEnv(),
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 30_000,
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const created: string[] = [];

/**
 * A temporary copy of the shipped project (config/, schemas/, Pulumi.yaml, Pulumi.<env>.yaml), with
 * `edits` applied: a path maps to new text, to a function of the old text, or to null (delete the file).
 */
export function copyProject(edits: Record<string, string | null | ((text: string) => string)> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'terra-iac-cli-'));
  created.push(dir);
  for (const entry of ['config', 'schemas', 'Pulumi.yaml', 'Pulumi.testing.yaml', 'Pulumi.staging.yaml', 'Pulumi.production.yaml']) {
    cpSync(join(REPO, entry), join(dir, entry), { recursive: true });
  }
  for (const [path, edit] of Object.entries(edits)) {
    const abs = join(dir, path);
    if (edit === null) rmSync(abs);
    else if (typeof edit === 'string') writeFileSync(abs, edit);
    else {
      const before = readFileSync(abs, 'utf8');
      const after = edit(before);
      if (after === before) throw new Error(`edit of ${path} changed nothing: the fixture no longer matches the shipped file`);
      writeFileSync(abs, after);
    }
  }
  return dir;
}

export function removeProjects(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}
