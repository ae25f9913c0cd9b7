import { afterAll, describe, expect, it } from 'vitest';
import { copyProject, removeProjects, runCli } from '../cli/helpers';

afterAll(removeProjects);

/** A stack whose secrets come from a Pulumi ESC environment: no `secure:` values in the file. */
const ESC_STACK = [
  '# yaml-language-server: $schema=./schemas/pulumi-stack.schema.json',
  'environment:',
  '  - acme-health/terra-staging',
  'config:',
  '  aws:region: eu-west-1',
  '  terra-iac:smokeTest: true',
  '',
].join('\n');

describe('a stack that gets its secrets from Pulumi ESC', () => {
  const root = copyProject({ 'Pulumi.staging.yaml': ESC_STACK });

  it('validates with info findings that name the ESC environment, and exits 0', () => {
    const result = runCli(['validate', '--env', 'staging', '--format', 'json'], { cwd: root });
    expect(result.code).toBe(0);
    const { diagnostics } = JSON.parse(result.stdout) as { diagnostics: { ruleId: string; severity: string; message: string }[] };
    const esc = diagnostics.filter((d) => d.message.includes('supplied by the ESC environment acme-health/terra-staging'));
    expect(esc.length).toBeGreaterThanOrEqual(2);
    expect(esc.every((d) => d.severity === 'info')).toBe(true);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('plans: the program runs with placeholders for the values ESC supplies', () => {
    const result = runCli(['plan', '--env', 'staging'], { cwd: root, timeoutMs: 120_000 });
    expect(result.stderr).not.toMatch(/\berror\b/);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\+ aws:secretsmanager\/secretVersion:SecretVersion {2}staging-terra-api-key-version/);
    expect(result.stdout).toMatch(/secretString: "\[secret\]"/);
  });

  it('still fails on a plaintext secret in the stack file', () => {
    const plain = copyProject({ 'Pulumi.staging.yaml': `${ESC_STACK}  terra-iac:terraApiKey: tk_live_ESCplain4Df5Gh6Jk7Lz8Qw\n` });
    const result = runCli(['validate', '--env', 'staging'], { cwd: plain });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('[stack-secret-plain]');
    expect(result.stdout + result.stderr).not.toContain('tk_live_ESCplain4Df5Gh6Jk7Lz8Qw');
  });
});
