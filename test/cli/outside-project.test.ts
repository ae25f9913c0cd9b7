import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STACK_FRAME, assertBuilt, baseEnv, copyProject, removeProjects, runCli } from './helpers';

/** What a pull request could commit a link to: the CI machine's AWS credentials. */
const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

let outside: string;
beforeAll(() => {
  assertBuilt();
  outside = mkdtempSync(join(tmpdir(), 'terra-iac-home-'));
  writeFileSync(join(outside, 'credentials'), `[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${SECRET_KEY}\n`);
});
afterAll(() => {
  removeProjects();
  rmSync(outside, { recursive: true, force: true });
});

describe('a committed symbolic link out of the project (config/creds.yaml -> ~/.aws/credentials)', () => {
  const project = () => {
    const cwd = copyProject();
    symlinkSync(join(outside, 'credentials'), join(cwd, 'config', 'creds.yaml'));
    return cwd;
  };

  it.each(['text', 'json', 'sarif', 'github', 'junit'])('validate --format %s: a located error at the link, exit 2, none of the target shown', (format) => {
    const cwd = project();
    const { code, stdout, stderr } = runCli(['validate', '--format', format], { cwd, env: baseEnv({ NO_COLOR: '1' }) });
    const output = `${stdout}\n${stderr}`;
    expect(output).not.toContain(SECRET_KEY);
    expect(output).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(output).not.toMatch(STACK_FRAME);
    expect(code).toBe(2);
    if (format === 'text') {
      expect(stdout).toMatch(/^config\/creds\.yaml:1:1 error file is a symbolic link that leads outside the project, so it was not read \[file-unreadable\]$/m);
      expect(stdout).toMatch(/^ {2}hint: commit the file itself, or point the link at a file inside the project/m);
    }
    if (format === 'json') {
      expect(JSON.parse(stdout).diagnostics).toContainEqual(
        expect.objectContaining({ ruleId: 'file-unreadable', file: 'config/creds.yaml', line: 1, column: 1 }),
      );
    }
  });

  it('audit neither shows nor hashes the target', () => {
    const cwd = project();
    const { code, stdout, stderr } = runCli(['audit', '--format', 'json'], { cwd });
    expect(`${stdout}${stderr}`).not.toContain(SECRET_KEY);
    const files = JSON.parse(stdout).provenance.files as Array<{ path: string; sha256: string | null }>;
    expect(files.find((f) => f.path === 'config/creds.yaml')).toEqual({ path: 'config/creds.yaml', sha256: null, bytes: null });
    expect(files.find((f) => f.path === 'config/testing.yaml')!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(code).toBe(0);
  });
});

describe.skipIf(process.platform === 'win32')('a named pipe in config/', () => {
  it('audit finishes instead of waiting on it for ever', () => {
    const cwd = copyProject();
    execFileSync('mkfifo', [join(cwd, 'config', 'pipe.yaml')]);
    const { code, stdout } = runCli(['audit', '--format', 'json'], { cwd, timeoutMs: 60_000 });
    const files = JSON.parse(stdout).provenance.files as Array<{ path: string; sha256: string | null }>;
    expect(files.find((f) => f.path === 'config/pipe.yaml')).toEqual({ path: 'config/pipe.yaml', sha256: null, bytes: null });
    expect(code).toBe(0);
  });
});
