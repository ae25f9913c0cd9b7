import { describe, expect, it } from 'vitest';
import type { EnvironmentDiff } from '../../src/report/diff/environments';
import { BASIC_FIXTURE, E2E_TIMEOUT_MS, REPO_ROOT, copyProject, runCli } from './helpers';

describe('terra-iac diff ENV_A ENV_B', { timeout: E2E_TIMEOUT_MS }, () => {
  it('shows the real differences between staging and production of the shipped config, and exits 1', () => {
    const result = runCli(['diff', 'staging', 'production'], REPO_ROOT);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^staging -> production: \d+ differences$/);
    expect(lines.slice(1)).toEqual(
      expect.arrayContaining([
        '  tier: staging -> production',
        '  user limit: 50 users -> unlimited',
        '  webhook event types: +permission_change',
        '  destination types: +s3, -sqs',
        '  KMS key: existing key -> created per environment',
        '  secret recovery window (days): 7 -> 30',
        '  FREESTYLELIBRE regions: +AT, +FR',
        '  GOOGLE app verification: in-review -> verified',
        '  SAMSUNG route: health-connect -> direct',
        '  SAMSUNG partnership approved: (none) -> yes',
      ]),
    );
    // Names that differ by design (dev-ids, client ids, URLs, portal names) are not differences.
    for (const identity of ['acme-health-staging-R4tW9c', '118024', 'hooks.staging', 'acme-health-staging', 'dev-id', 'client id']) {
      expect(result.stdout).not.toContain(identity);
    }
  });

  it('reports provider and key-ownership changes in JSON, testing to staging', () => {
    const result = runCli(['diff', 'testing', 'staging', '--format', 'json'], REPO_ROOT);
    expect(result.code).toBe(1);
    const diff = JSON.parse(result.stdout) as EnvironmentDiff;
    expect(diff).toMatchObject({ diffVersion: 1, kind: 'environments', from: 'testing', to: 'staging' });
    const byKey = new Map(diff.differences.map((d) => [d.key, d]));
    expect(byKey.get('providers.HUAWEI')).toMatchObject({ from: null, to: 'enabled, dedicated keys', fromText: 'not declared' });
    expect(byKey.get('providers.WITHINGS')).toMatchObject({ from: null, to: 'enabled, Terra keys' });
    expect(byKey.get('providers.GOOGLE.scopes')).toMatchObject({ added: ['fitness.heart_rate.read', 'fitness.body.read'], removed: [] });
    expect(byKey.get('webhook.eventTypes')).toMatchObject({ from: 'all', fromText: 'all' });
    expect(byKey.has('providers.STRAVA')).toBe(false);
  });

  it('exits 0 when the two environments declare the same settings', () => {
    const result = runCli(['diff', 'production', 'production'], REPO_ROOT);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'production and production declare the same settings (dev-ids, client ids, URLs and other per-environment names are not compared).\n',
    );
  });

  it('exits 2 with a clear message for an unknown environment, an invalid file or wrong arguments', () => {
    const unknown = runCli(['diff', 'staging', 'prod'], REPO_ROOT);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('terra-iac: unknown environment "prod": there is no config/prod.yaml\n  hint: known environments: production, staging, testing\n');
    const dir = copyProject(BASIC_FIXTURE);
    const invalid = runCli(['diff', 'pilot', 'broken'], dir);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/^terra-iac: config\/broken.yaml does not pass validation \(\d+ errors\), so it cannot be compared\n {2}hint: run terra-iac validate --env broken/);
    const one = runCli(['diff', 'staging'], REPO_ROOT);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('diff compares two environments: expected ENV_A ENV_B, got 1 argument');
    const both = runCli(['diff', 'staging', 'production', '--since', 'HEAD'], REPO_ROOT);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('give either --since GIT_REF or two environments, not both');
  });
});
