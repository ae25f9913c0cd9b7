import { describe, expect, it } from 'vitest';
import { stackSecretPlain } from '../../src/rules/stack-secret-plain';
import { stackSecretPresent } from '../../src/rules/stack-secret-present';
import { environmentWith } from './fixtures';
import { ruleTester, runCase } from './rule-tester';
import { yml } from './yml';

const stravaOn = (ref: string) =>
  environmentWith(yml`
    STRAVA:
      dedicatedKeys:
        clientId: "118024"
        clientSecret: ${ref}
        callbackDomain: access.tryterra.co
  `);

ruleTester(stackSecretPresent, {
  valid: [
    { name: 'every reference is in its stack', files: {} },
    { name: 'environment-variable references need no stack value', files: { 'config/staging.yaml': stravaOn('{ fromEnv: STRAVA_CLIENT_SECRET_STAGING }') } },
    { name: 'no stack file loaded: nothing to compare', files: { 'config/staging.yaml': stravaOn('{ fromStackConfig: stravaClientSecret }') }, only: ['config/staging.yaml'] },
  ],
  invalid: [
    {
      name: 'a stack config reference missing from the stack',
      files: { 'config/staging.yaml': stravaOn('{ fromStackConfig: stravaClientSecret }') },
      errors: [{ ruleId: 'stack-secret-present', line: 14, column: 40 }],
    },
    {
      name: 'the explicit terra-iac: form, checked against a stack that deploys it by terra-iac:environment',
      files: {
        'config/staging.yaml': stravaOn('{ fromStackConfig: "terra-iac:stravaClientSecret" }'),
        'Pulumi.staging.yaml': null,
        'Pulumi.stage-eu.yaml': 'config:\n  terra-iac:environment: staging\n',
      },
      errors: [
        { ruleId: 'stack-secret-present', line: 7, column: 30 },
        { ruleId: 'stack-secret-present', line: 14, column: 40 },
      ],
    },
  ],
});

describe('stack-secret-present hint', () => {
  it('is the exact pulumi command', () => {
    const { diagnostics } = runCase({ name: 'missing', files: { 'config/staging.yaml': stravaOn('{ fromStackConfig: stravaClientSecret }') } }, [stackSecretPresent]);
    expect(diagnostics.map((d) => d.hint)).toEqual(['pulumi config set --secret stravaClientSecret --stack staging']);
  });
});

describe('stack-secret-present with a Pulumi ESC environment', () => {
  const escStack = (environment: string) => `environment:\n${environment}\nconfig:\n  aws:region: eu-west-1\n`;

  it.each([
    ['a list', '  - acme-health/terra-staging'],
    ['the older imports map', '  imports:\n    - acme-health/terra-staging'],
  ])('reports a key the stack lacks as info, supplied by the ESC environment (%s)', (_form, environment) => {
    const { diagnostics } = runCase({ name: 'esc', files: { 'Pulumi.staging.yaml': escStack(environment) } }, [stackSecretPresent]);
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const d of diagnostics) {
      expect(d.severity).toBe('info');
      expect(d.message).toContain('supplied by the ESC environment acme-health/terra-staging, not verified here');
      expect(d.hint).not.toContain('pulumi config set');
    }
  });

  it('keeps plaintext in the stack file an error (stack-secret-plain) even with ESC', () => {
    const files = { 'Pulumi.staging.yaml': `${escStack('  - acme-health/terra-staging')}  terra-iac:terraApiKey: tk_live_PLAINvalue4Df5Gh6Jk7Lz8\n` };
    const { diagnostics } = runCase({ name: 'esc plaintext', files }, [stackSecretPlain, stackSecretPresent]);
    expect(diagnostics.filter((d) => d.ruleId === 'stack-secret-plain').map((d) => d.severity)).toEqual(['error']);
  });
});
