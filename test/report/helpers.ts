import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileHashes } from '../../src/report/provenance';
import type { Provenance } from '../../src/report/types';
import type { Rule } from '../../src/validate/rule-contract';
import type { LoadedProject } from '../../src/validate/load-project';
import { assertBuilt, baseEnv, runCli as runBuiltCli, type CliResult } from '../cli/helpers';

export type { CliResult };

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'report');
export const BASIC_FIXTURE = join(FIXTURES, 'basic');

/** Tests that spawn the CLI many times get room on a busy two-core CI machine. */
export const E2E_TIMEOUT_MS = 120_000;

/** 2024-01-01T00:00:00Z: the SOURCE_DATE_EPOCH every deterministic report uses. */
export const FIXED_EPOCH = '1704067200';
export const FIXED_TIME = '2024-01-01T00:00:00.000Z';
export const FIXED_COMMIT = '0123456789abcdef0123456789abcdef01234567';

/**
 * Provenance with a fixed time and commit. `realHashes` false replaces the file hashes too: the shipped
 * stack files are re-sealed and edited by other work, which should not churn a layout golden.
 */
export function fixedProvenance(project: LoadedProject, realHashes = true): Provenance {
  const files = realHashes ? fileHashes(project.files) : project.files.map((f) => ({ path: f.path, sha256: '0'.repeat(64), bytes: 0 }));
  return { generatedAt: FIXED_TIME, git: { commit: FIXED_COMMIT, uncommitted: [] }, files };
}

/**
 * Flags the POLAR notes of the basic fixture as a possible secret, so goldens show the report hiding a
 * flagged value without depending on the wording of the project's real rules.
 */
export const flagPolarNotes: Rule = {
  id: 'test-flag-polar-notes',
  severity: 'error',
  description: 'Test rule: POLAR notes hold a secret.',
  source: 'terra-iac tests',
  fix: 'Test rule: nothing to fix.',
  check(ctx) {
    for (const env of ctx.environments) {
      if (env.model?.providers.POLAR) {
        ctx.report(env.file, { path: ['providers', 'POLAR', 'notes'], message: 'notes hold a secret-looking token', sensitive: true });
      }
    }
  },
};

/** Copies a project's config/ and Pulumi*.yaml into a fresh temp folder outside any git repository. */
export function copyProject(from: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'terra-iac-report-'));
  cpSync(join(from, 'config'), join(dir, 'config'), { recursive: true });
  for (const name of readdirSync(from)) if (/^Pulumi(\..+)?\.ya?ml$/.test(name)) cpSync(join(from, name), join(dir, name));
  return dir;
}

/** Runs the built CLI as a user would, with the fixed report time: `node bin/terra-iac.js ...` in `cwd`. */
export function runCli(args: readonly string[], cwd: string, env: Record<string, string> = {}): CliResult {
  assertBuilt();
  return runBuiltCli(args, { cwd, env: baseEnv({ SOURCE_DATE_EPOCH: FIXED_EPOCH, ...env }), timeoutMs: 60_000 });
}
