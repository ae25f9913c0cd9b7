import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runWith, supplySecrets } from './support/shipped';

describe("Pulumi.yaml's main, loaded the way `pulumi up` loads it", () => {
  it('src/index.ts compiles under Pulumi\'s ts-node and registers what the program registers', async () => {
    const supplied = supplySecrets(REPO, 'staging');
    const child = spawnSync(process.execPath, [join(__dirname, 'support', 'load-like-pulumi.js')], {
      cwd: REPO,
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
    expect(child.stderr).toMatch(/^warning: .*config\/staging\.yaml:\d+:\d+ warning .*\[provider-unknown\]$/m);
    const loaded = JSON.parse(child.stdout) as { registered: string[]; providers: Record<string, string>; environment: string };
    expect(loaded.environment).toBe('staging');
    // Under Pulumi the smoke test's provider is serialized, for the engine's dynamic provider host to run.
    expect(Object.keys(loaded.providers)).toEqual(['staging-smoke-test']);
    expect(loaded.providers['staging-smoke-test']).toContain('exports.handler');
    const run = await runWith(REPO, 'staging', supplied);
    expect(loaded.registered.sort()).toEqual(run.resources.map((r) => `${r.type} ${r.name}`).sort());
  });
});
