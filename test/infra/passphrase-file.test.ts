import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/project';
import { stackSecretDecrypts } from '../../src/rules/stack-secret-decrypts';
import { assertBuilt, baseEnv, runCli, STACK_FRAME } from '../cli/helpers';
import { REPO } from './support/shipped';

let dir: string;
beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'terra-iac-passphrase-file-'));
  execFileSync('mkfifo', [join(dir, 'fifo')]);
  writeFileSync(join(dir, 'huge'), Buffer.alloc(1024 * 1024, 0x61));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each run is a separate process with a timeout: a reader that blocks on the pipe fails the test instead of
// hanging it (and nothing here reads the pipe in the test's own process, where no timeout could stop it).
const run = (command: string[], file: string) =>
  runCli(command, { cwd: REPO, env: baseEnv({ PULUMI_CONFIG_PASSPHRASE_FILE: file }), timeoutMs: 60_000 });

describe.skipIf(process.platform === 'win32')('PULUMI_CONFIG_PASSPHRASE_FILE that is not a passphrase file', () => {
  const cases = [
    ['a named pipe (no writer: reading it would wait for ever)', () => join(dir, 'fifo'), /^terra-iac: PULUMI_CONFIG_PASSPHRASE_FILE names a named pipe, not a regular file: .+\/fifo$/m],
    ['/dev/zero (reading it would never end)', () => '/dev/zero', /^terra-iac: PULUMI_CONFIG_PASSPHRASE_FILE names a device, not a regular file: \/dev\/zero$/m],
    ['a 1 MiB file', () => join(dir, 'huge'), /^terra-iac: PULUMI_CONFIG_PASSPHRASE_FILE names a file of more than 64 KiB: .+\/huge$/m],
  ] as const;

  it.each(cases)('validate: %s is an I/O error, exit 2, naming the variable', (_name, file, message) => {
    const result = run(['validate', '--env', 'testing'], file());
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/^ {2}hint: point PULUMI_CONFIG_PASSPHRASE_FILE at a regular file that holds the passphrase, or set PULUMI_CONFIG_PASSPHRASE$/m);
    expect(result.stdout).toBe('');
    expect(`${result.stdout}${result.stderr}`).not.toMatch(STACK_FRAME);
  });

  it.each(cases)('plan: %s is an I/O error, exit 2, naming the variable', (_name, file, message) => {
    const result = run(['plan', '--env', 'testing'], file());
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/^ {2}hint: point PULUMI_CONFIG_PASSPHRASE_FILE at a regular file/m);
    expect(`${result.stdout}${result.stderr}`).not.toMatch(STACK_FRAME);
  });

  it('the rule, run as a library, reports a file too large to be a passphrase instead of reading it all', () => {
    const { diagnostics } = loadProject({ root: REPO, envs: ['testing'], rules: [stackSecretDecrypts], env: { PULUMI_CONFIG_PASSPHRASE_FILE: join(dir, 'huge') } });
    expect(diagnostics.map((d) => [d.ruleId, d.severity, d.message])).toEqual([
      ['stack-secret-decrypts', 'error', expect.stringMatching(/PULUMI_CONFIG_PASSPHRASE_FILE names a file of more than 64 KiB/)],
    ]);
  });
});
