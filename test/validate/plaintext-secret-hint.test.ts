import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/project';

const KEY = 'Zq8tP2vLx9WmR4kB7nC1dF6gH3jS5aE0';
const STRAVA_SECRET = 'c0ffee5ecret9a8b7c6d5e4f3a2b1c0d9e8f7a6b';

const environment = `owners:
  - team: platform
terra:
  devId: acme-health-staging-R4tW9c
  apiKey: ${KEY}
providers:
  STRAVA:
    dedicatedKeys:
      clientId: "118024"
      clientSecret: ${STRAVA_SECRET}
      callbackDomain: access.tryterra.co
aws:
  secretNamePrefix: acme-health/terra
`;

describe('the fix for a plain value where a secret reference belongs', () => {
  const project = loadProject({ root: '/virtual', virtualFiles: { 'config/staging.yaml': environment }, rules: [] });
  const findings = project.diagnostics.filter((d) => d.ruleId === 'no-plaintext-secret');

  it('names the stack config key, the environment\'s stack and the reference to write', () => {
    expect(findings.map((d) => [d.line, d.column])).toEqual([
      [5, 11],
      [10, 21],
    ]);
    expect(findings[0]!.hint).toContain('pulumi config set --secret terraApiKey --stack staging');
    expect(findings[0]!.hint).toContain('apiKey: { fromStackConfig: terraApiKey }');
    expect(findings[1]!.hint).toContain('pulumi config set --secret stravaClientSecret --stack staging');
    expect(findings[1]!.hint).toContain('clientSecret: { fromStackConfig: stravaClientSecret }');
  });

  it('never quotes the values', () => {
    const text = JSON.stringify(project.diagnostics);
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(STRAVA_SECRET);
  });
});
