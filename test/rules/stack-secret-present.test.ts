import { describe, expect, it } from 'vitest';
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
