import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, STACK_FRAME, assertBuilt, baseEnv, runCli } from './helpers';

// The benchmark's generator (plain JS), so the projects it times are known to be valid.
const { generateProject } = require('../../bench/generate-project.js') as { generateProject: (dir: string, count: number) => number };

beforeAll(assertBuilt);

describe('a generated project of 100 environments', () => {
  const dir = mkdtempSync(join(tmpdir(), 'terra-iac-large-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const files = generateProject(dir, 100);

  it('is valid, as the benchmark requires of its 1000 and 2000', () => {
    const { code, stdout } = runCli(['validate', '--format', 'json'], { cwd: dir });
    const report = JSON.parse(stdout);
    expect(report.summary).toMatchObject({ errors: 0, files });
    expect(code).toBe(0);
  });

  it('ends with its own exit code and no stack trace when the reader closes the pipe early', () => {
    // A warning (a code seen only in older material), so --fail-on warning makes the command's own code 1.
    const first = join(dir, 'config', 'env-0000-testing.yaml');
    writeFileSync(first, readFileSync(first, 'utf8').replace(/^providers:\n/m, 'providers:\n  VELOHERO: {}\n'));
    expect(readFileSync(first, 'utf8')).toContain('VELOHERO');
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} validate --format json --fail-on warning | head -c 100 >/dev/null; exit \${PIPESTATUS[0]}`;
    const result = spawnSync('bash', ['-c', command], { cwd: dir, env: baseEnv(), encoding: 'utf8' });
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(result.stderr).not.toContain('EPIPE');
    expect(result.status).toBe(1);
  });
});
