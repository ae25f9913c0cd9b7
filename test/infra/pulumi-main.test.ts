import { spawnSync } from 'node:child_process';
import { cpSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectCopy, removeProjectCopies } from './support/project-copy';
import { REPO, runWith, supplySecrets } from './support/shipped';

afterAll(removeProjectCopies);

/**
 * The shipped project validates without warnings, so the run is on a copy whose staging file declares a code
 * seen only in older material (VELOHERO, a provider-unknown warning), with its own src/ (src/index.ts reads the
 * project beside it) and the repository's node_modules.
 */
function projectWithAWarning(): string {
  const work = projectCopy({ 'config/staging.yaml': (text) => text.replace('providers:\n', 'providers:\n  VELOHERO: {}\n') });
  for (const entry of ['src', 'tsconfig.json', 'package.json']) cpSync(join(REPO, entry), join(work, entry), { recursive: true });
  symlinkSync(join(REPO, 'node_modules'), join(work, 'node_modules'), 'dir');
  return work;
}

describe("Pulumi.yaml's main, loaded the way `pulumi up` loads it", () => {
  it('src/index.ts compiles under Pulumi\'s ts-node and registers what the program registers', async () => {
    const work = projectWithAWarning();
    const supplied = supplySecrets(work, 'staging');
    const child = spawnSync(process.execPath, [join(__dirname, 'support', 'load-like-pulumi.js')], {
      cwd: work,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        TEST_STACK: 'staging',
        TEST_CONFIG: JSON.stringify({ config: supplied.config, secretKeys: supplied.secretKeys }),
        ...supplied.env,
      },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(child.status, child.stderr).toBe(0);
    // Validation warnings reach Pulumi's log (pulumi.log.warn), located like `terra-iac validate` prints them.
    expect(child.stderr).toMatch(/^warning: .*config\/staging\.yaml:21:3 warning provider code `VELOHERO` .*\[provider-unknown\]$/m);
    const loaded = JSON.parse(child.stdout) as { registered: string[]; providers: Record<string, string>; environment: string };
    expect(loaded.environment).toBe('staging');
    // Under Pulumi the smoke test's provider is serialized, for the engine's dynamic provider host to run.
    expect(Object.keys(loaded.providers)).toEqual(['staging-smoke-test']);
    expect(loaded.providers['staging-smoke-test']).toContain('exports.handler');
    const run = await runWith(work, 'staging', supplied);
    expect(loaded.registered.sort()).toEqual(run.resources.map((r) => `${r.type} ${r.name}`).sort());
  });
});
