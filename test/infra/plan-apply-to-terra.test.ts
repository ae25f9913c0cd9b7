import { afterAll, describe, expect, it } from 'vitest';
import { copyProject, removeProjects, runCli } from '../cli/helpers';

afterAll(removeProjects);

describe('terra-iac plan with terra-iac:applyToTerra on', () => {
  const root = copyProject({ 'Pulumi.testing.yaml': (text) => text.replace('  terra-iac:smokeTest: true\n', '  terra-iac:smokeTest: true\n  terra-iac:applyToTerra: true\n') });
  const result = runCli(['plan', '--env', 'testing'], {
    cwd: root,
    env: { TERRA_ADMIN_BASE_URL: 'https://admin.example.test/api/v3/admin', STRAVA_CLIENT_SECRET_TESTING: 'strava_PLANsecret4Df5Gh6Jk7Lz8' },
    timeoutMs: 120_000,
  });

  it('lists Terra\'s own objects as dynamic resources, with secret inputs as [secret]', () => {
    expect(result.code).toBe(0);
    for (const name of ['testing-source-garmin', 'testing-credentials-strava', 'testing-scopes-garmin', 'testing-webhook', 'testing-undeclared-sources']) {
      expect(result.stdout).toMatch(new RegExp(`\\+ pulumi-nodejs:dynamic/terra-iac:Terra\\w+ {2}${name} `));
    }
    const strava = result.stdout.slice(result.stdout.indexOf('testing-credentials-strava'));
    expect(strava.slice(0, strava.indexOf('\n      +'))).toMatch(/clientSecret: "\[secret\]"/);
    expect(result.stdout).toMatch(/\d+ resources: \d+ AWS resources, \d+ dynamic resources/);
    expect(result.stdout + result.stderr).not.toContain('strava_PLANsecret4Df5Gh6Jk7Lz8');
  });
});
