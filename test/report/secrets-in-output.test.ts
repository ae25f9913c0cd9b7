import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { decryptValue, unlockStack } from '../../src/load/pulumi-passphrase';
import { AUDIT_FORMATS } from '../../src/report/render';
import { BASIC_FIXTURE, E2E_TIMEOUT_MS, REPO_ROOT, copyProject, runCli, type CliResult } from './helpers';
import { TestRepo } from './git-repo';

const DEMO_PASSPHRASE = 'terra-iac-demo-passphrase';
const FIXTURE_PASSPHRASE = 'report-fixture-passphrase';

/** Secret values handed to the CLI through the environment, as CI would. */
const ENV_SECRETS: Record<string, string> = {
  TERRA_API_KEY: 'PLANTED-env-terra-api-key-2b7f9e',
  TERRA_WEBHOOK_SIGNING_SECRET: 'PLANTED-env-signing-secret-c3d1a8',
  TERRA_API_KEY_PILOT: 'PLANTED-env-pilot-api-key-51aa0c',
  STRAVA_CLIENT_SECRET_PILOT: 'PLANTED-env-strava-secret-8e2d44',
  STRAVA_CLIENT_SECRET_TESTING: 'PLANTED-env-strava-testing-0f9b12',
  PULUMI_CONFIG_PASSPHRASE: FIXTURE_PASSPHRASE,
};

/** Values planted in the basic fixture: plaintext in a stack file, credentials in URLs, a token in notes. */
const FIXTURE_SECRETS = [
  'PLANTED-plaintext-google-secret-5e9f01',
  'hookpassword789',
  'querytoken123',
  'linktoken456',
  // The project's secret-literal rule flags this token in POLAR's notes; the report must then hide it.
  'Zq8LmN3vR7tXw2Yk9Pb4Hc6Jd1Fg5Ks0',
];

/** Every `secure:` value of a project's stack files, as ciphertext and decrypted. */
function stackSecrets(root: string, passphrase: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(root).filter((n) => /^Pulumi\..+\.yaml$/.test(n))) {
    const stack = parse(readFileSync(join(root, name), 'utf8')) as { encryptionsalt?: string; config?: Record<string, unknown> };
    if (!stack.encryptionsalt) continue;
    const key = unlockStack(passphrase, stack.encryptionsalt);
    for (const value of Object.values(stack.config ?? {})) {
      if (value && typeof value === 'object' && 'secure' in value) {
        const secure = String((value as { secure: string }).secure);
        found.push(secure, decryptValue(key, secure));
      }
    }
  }
  return found;
}

function expectClean(result: CliResult, secrets: readonly string[], what: string): void {
  for (const secret of secrets) {
    expect(result.stdout.includes(secret), `${what} stdout holds ${secret.slice(0, 12)}…`).toBe(false);
    expect(result.stderr.includes(secret), `${what} stderr holds ${secret.slice(0, 12)}…`).toBe(false);
  }
}

describe('no secret value reaches any audit or diff output', { timeout: E2E_TIMEOUT_MS }, () => {
  let shippedSecrets: string[];
  let fixtureSecrets: string[];

  beforeAll(() => {
    shippedSecrets = [...stackSecrets(REPO_ROOT, DEMO_PASSPHRASE), ...Object.values(ENV_SECRETS)];
    fixtureSecrets = [...stackSecrets(BASIC_FIXTURE, FIXTURE_PASSPHRASE), ...FIXTURE_SECRETS, ...Object.values(ENV_SECRETS)];
    // The search is only meaningful if it knows the real values: the demo stacks decrypt to DEMO-ONLY values.
    expect(shippedSecrets.some((s) => s.startsWith('DEMO-ONLY-not-a-real-secret-production-'))).toBe(true);
    expect(fixtureSecrets).toContain('PLANTED-secure-signing-secret-7c41d2');
  });

  it('audit, every format, stdout and --output, on the shipped config and the planted fixture', () => {
    for (const [source, secrets] of [[REPO_ROOT, () => shippedSecrets], [BASIC_FIXTURE, () => fixtureSecrets]] as const) {
      const dir = copyProject(source);
      for (const format of AUDIT_FORMATS) {
        const printed = runCli(['audit', '--format', format], dir, ENV_SECRETS);
        expect(printed.code).toBe(0);
        expect(printed.stdout.length).toBeGreaterThan(1000);
        expectClean(printed, secrets(), `audit --format ${format}`);
        const written = runCli(['audit', '--format', format, '--output', `report.${format}`], dir, ENV_SECRETS);
        expect(written.code).toBe(0);
        expectClean({ ...written, stdout: readFileSync(join(dir, `report.${format}`), 'utf8') }, secrets(), `audit --output report.${format}`);
      }
    }
  });

  it('hides the flagged notes token and URL credentials while still reporting the setting', () => {
    const dir = copyProject(BASIC_FIXTURE);
    const md = runCli(['audit'], dir, ENV_SECRETS).stdout;
    expect(md).toContain('note: \\[hidden: flagged as a possible secret\\]');
    expect(md).toContain('`https://hooks.pilot.example/terra/events?…`');
    expect(md).toContain('`pilot/terra/pilot/strava-client-secret` ← environment variable STRAVA\\_CLIENT\\_SECRET\\_PILOT');
  });

  it('diff ENV_A ENV_B and its errors', () => {
    for (const format of ['text', 'json']) {
      const result = runCli(['diff', 'staging', 'production', '--format', format], REPO_ROOT, ENV_SECRETS);
      expect(result.code).toBe(1);
      expectClean(result, shippedSecrets, `diff staging production --format ${format}`);
    }
    const dir = copyProject(BASIC_FIXTURE);
    const invalid = runCli(['diff', 'pilot', 'broken'], dir, ENV_SECRETS);
    expect(invalid.code).toBe(2);
    expectClean(invalid, fixtureSecrets, 'diff pilot broken');
  });

  it('diff --since, where notes and URLs change between commits', () => {
    const repo = new TestRepo();
    const files = (dir: string) => Object.fromEntries(['config/pilot.yaml', 'config/broken.yaml', 'Pulumi.yaml', 'Pulumi.pilot.yaml'].map((p) => [p, readFileSync(join(dir, p), 'utf8')]));
    const original = files(BASIC_FIXTURE);
    const person = { name: 'Planter', email: 'planter@example.com' };
    repo.commit(original, person, '2024-06-01T00:00:00+00:00', 'Pilot');
    const changed = original['config/pilot.yaml']!
      .replace('Zq8LmN3vR7tXw2Yk9Pb4Hc6Jd1Fg5Ks0', 'Xw2Yk9Pb4Hc6Jd1Fg5Ks0Zq8LmN3vR7tQ')
      .replace('querytoken123', 'querytoken456')
      .replace('tier: staging', 'tier: testing');
    repo.commit({ 'config/pilot.yaml': changed }, person, '2024-06-02T00:00:00+00:00', 'Rotate');
    for (const format of ['text', 'json']) {
      const result = runCli(['diff', '--since', 'HEAD~1', '--format', format], repo.dir, ENV_SECRETS);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('testing');
      expectClean(result, [...fixtureSecrets, 'Xw2Yk9Pb4Hc6Jd1Fg5Ks0Zq8LmN3vR7tQ', 'querytoken456'], `diff --since --format ${format}`);
    }
  });
});
