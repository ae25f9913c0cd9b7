import { describe, expect, it } from 'vitest';
import { collectSecretRefs } from '../../src/model/secret-refs';
import { environmentSecrets } from '../../src/model/secret-names';
import { stackSecretPresent } from '../../src/rules/stack-secret-present';
import { environmentWith } from '../rules/fixtures';
import { runCase } from '../rules/rule-tester';
import { yml } from '../rules/yml';

const garmin = (verificationSecret: string) =>
  environmentWith(yml`
    GARMIN:
      dedicatedKeys:
        clientId: acme-garmin-oauth
        clientSecret: { fromEnv: GARMIN_CLIENT_SECRET_STAGING }
        verificationSecret: ${verificationSecret}
        sandbox: true
        secretVersion: 2
  `);

const LITERAL = 'gv9Q2mX7pL4tR8wZ1cB6nF3hJ5kD0sA';

/** A verification secret is found by walking the data, like every other reference: nothing lists it by name. */
describe('dedicatedKeys.verificationSecret', () => {
  it('is collected with a purpose and a Secrets Manager name of its own', () => {
    const { environments } = runCase({ name: 'ref', files: { 'config/staging.yaml': garmin('{ fromStackConfig: garminVerificationSecret }') } }, []);
    const model = environments.find((e) => e.name === 'staging')!.model!;
    const found = collectSecretRefs(model).find((f) => f.path.at(-1) === 'verificationSecret');
    expect(found).toEqual({
      ref: { fromStackConfig: 'garminVerificationSecret' },
      path: ['providers', 'GARMIN', 'dedicatedKeys', 'verificationSecret'],
      purpose: 'garmin-verification-secret',
      provider: 'GARMIN',
    });
    expect(environmentSecrets('staging', model).map((s) => s.name)).toContain('acme/terra/staging/garmin-verification-secret');
  });

  it('must be in the stack like any other stack config reference', () => {
    const { diagnostics } = runCase({ name: 'missing', files: { 'config/staging.yaml': garmin('{ fromStackConfig: garminVerificationSecret }') } }, [stackSecretPresent]);
    expect(diagnostics.map((d) => [d.ruleId, d.line, d.hint])).toEqual([
      ['stack-secret-present', 15, 'pulumi config set --secret garminVerificationSecret --stack staging'],
    ]);
  });

  it('as a plain value is a no-plaintext-secret error that never quotes the value', () => {
    const { diagnostics } = runCase({ name: 'literal', files: { 'config/staging.yaml': garmin(LITERAL) } }, []);
    expect(diagnostics.map((d) => [d.ruleId, d.line, d.column])).toEqual([['no-plaintext-secret', 15, 27]]);
    expect(diagnostics[0]!.hint).toContain('pulumi config set --secret garminVerificationSecret --stack staging');
    expect(JSON.stringify(diagnostics)).not.toContain(LITERAL);
  });
});
