import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PassphraseError, decryptValue, unlockStack } from '../../src/load/pulumi-passphrase';
import { stackSecretDecrypts } from '../../src/rules/stack-secret-decrypts';
import { loadProject } from '../../src/project';
import { REPO, baseEnv, copyProject, removeProjects, runCli } from '../cli/helpers';

afterAll(removeProjects);

const DEMO = 'terra-iac-demo-passphrase';

/** Pulumi's own passphrase test vectors (pulumi/pulumi pkg/secrets/passphrase/manager_test.go, verbatim). */
const VECTORS = [
  { passphrase: 'password', salt: 'v1:fozI5u6B030=:v1:F+6ZduKKd8G0/V7L:PGMFeIzwobWRKmEAzUdaQHqC5mMRIQ==' },
  { passphrase: 'TestConfigRoundtripComments', salt: 'v1:ThS5UPxP9qc=:v1:UZYAXF+ylaJ0rGhv:9OTvBnOEDFgxs7btjzSu+LZ470vLpg==' },
  { passphrase: 'abc123', salt: 'v1:4iF78gb0nF0=:v1:Co6IbTWYs/UdrjgY:FSrAWOFZnj9ealCUDdJL7LrUKXX9BA==' },
  { passphrase: '123abc', salt: 'v1:C7H2a7/Ietk=:v1:yfAd1zOi6iY9DRIB:dumdsr+H89VpHIQWdB01XEFqYaYjAg==' },
  { passphrase: 'correct horse battery staple', salt: 'v1:3ZcVRCMzEbk=:v1:A4wYnaSVLIkK0AhS:2SrOnSDh9wVGmoyZt97KYJN3WfDDHA==' },
];
/** tests/roundtrip/roundtrip_test.go: `foo:d: {secure: ...}` under the second vector decrypts to "secret-value". */
const ROUNDTRIP_VALUE = 'v1:T1ftqhY0hqr+EJK6:+jvd5PMecFx80tcavzuZY4tLatgIfoe/xR72GA==';

const shipped = (env: string) =>
  parse(readFileSync(join(REPO, `Pulumi.${env}.yaml`), 'utf8')) as { encryptionsalt: string; config: Record<string, { secure: string }> };

function check(files: Record<string, string>, env: Record<string, string> = {}) {
  return loadProject({ root: '/virtual', virtualFiles: files, rules: [stackSecretDecrypts], env }).diagnostics;
}

describe("Pulumi's passphrase format", () => {
  it.each(VECTORS)("unlocks Pulumi's test vector for passphrase $passphrase", ({ passphrase, salt }) => {
    expect(unlockStack(passphrase, salt)).toHaveLength(32);
  });

  it('refuses the wrong passphrase, as manager_test.go does with password123', () => {
    expect(() => unlockStack('password123', VECTORS[0]!.salt)).toThrow(PassphraseError);
  });

  it("decrypts Pulumi's secure value vector with the same code", () => {
    expect(decryptValue(unlockStack(VECTORS[1]!.passphrase, VECTORS[1]!.salt), ROUNDTRIP_VALUE)).toBe('secret-value');
  });
});

describe('stack-secret-decrypts', () => {
  const vectorStack = `secretsprovider: passphrase\nencryptionsalt: ${VECTORS[1]!.salt}\nconfig:\n  foo:d:\n    secure: ${ROUNDTRIP_VALUE}\n`;

  it("accepts Pulumi's own stack file under its passphrase", () => {
    expect(check({ 'Pulumi.roundtrip.yaml': vectorStack }, { PULUMI_CONFIG_PASSPHRASE: VECTORS[1]!.passphrase })).toEqual([]);
  });

  it('accepts every shipped stack under the demo passphrase: their ciphertext is real', () => {
    const { diagnostics } = loadProject({ root: REPO, rules: [stackSecretDecrypts], env: { PULUMI_CONFIG_PASSPHRASE: DEMO } });
    expect(diagnostics).toEqual([]);
  });

  it('reports a value pasted from another stack, at the value, printing nothing decrypted', () => {
    const testing = shipped('testing');
    const production = shipped('production');
    const pasted = production.config['terra-iac:terraApiKey']!.secure;
    const file = [
      'secretsprovider: passphrase',
      `encryptionsalt: ${testing.encryptionsalt}`,
      'config:',
      '  terra-iac:terraApiKey:',
      `    secure: ${pasted}`,
      '  terra-iac:terraWebhookSigningSecret:',
      `    secure: ${testing.config['terra-iac:terraWebhookSigningSecret']!.secure}`,
      '',
    ].join('\n');
    const diagnostics = check({ 'Pulumi.testing.yaml': file }, { PULUMI_CONFIG_PASSPHRASE: DEMO });
    expect(diagnostics.map((d) => [d.ruleId, d.severity, d.line, d.column])).toEqual([['stack-secret-decrypts', 'error', 5, 13]]);
    expect(diagnostics[0]!.hint).toBe('re-enter it for this stack: pulumi config set --secret terraApiKey --stack testing');
    const plaintext = decryptValue(unlockStack(DEMO, production.encryptionsalt), pasted);
    expect(`${diagnostics[0]!.message} ${diagnostics[0]!.hint}`).not.toContain(plaintext);
  });

  it('is an error, at the salt, when the passphrase set on purpose unlocks no stack', () => {
    const diagnostics = check({ 'Pulumi.roundtrip.yaml': vectorStack }, { PULUMI_CONFIG_PASSPHRASE: 'not-the-passphrase' });
    expect(diagnostics.map((d) => [d.ruleId, d.severity, d.line, d.column])).toEqual([['stack-secret-decrypts', 'error', 2, 17]]);
    expect(diagnostics[0]!.message).not.toContain('not-the-passphrase');
  });

  it('only warns about a stack the passphrase does not unlock when it unlocks another: stacks may have passphrases of their own', () => {
    const other = `secretsprovider: passphrase\nencryptionsalt: ${VECTORS[0]!.salt}\nconfig:\n  foo:d:\n    secure: ${ROUNDTRIP_VALUE}\n`;
    const diagnostics = check({ 'Pulumi.other.yaml': other, 'Pulumi.roundtrip.yaml': vectorStack }, { PULUMI_CONFIG_PASSPHRASE: VECTORS[1]!.passphrase });
    expect(diagnostics.map((d) => [d.ruleId, d.file, d.severity, d.line])).toEqual([['stack-secret-decrypts', 'Pulumi.other.yaml', 'warning', 2]]);
  });

  it('is an error when PULUMI_CONFIG_PASSPHRASE_FILE names a file that cannot be read', () => {
    const diagnostics = check({ 'Pulumi.roundtrip.yaml': vectorStack }, { PULUMI_CONFIG_PASSPHRASE_FILE: join(tmpdir(), 'terra-iac-no-such-passphrase-file') });
    expect(diagnostics.map((d) => [d.ruleId, d.severity, d.line])).toEqual([['stack-secret-decrypts', 'error', 2]]);
  });

  it('stays quiet without a passphrase: nothing to decrypt with', () => {
    expect(check({ 'Pulumi.roundtrip.yaml': vectorStack.replace(ROUNDTRIP_VALUE, shipped('testing').config['terra-iac:terraApiKey']!.secure) })).toEqual([]);
  });

  it('reads the passphrase from PULUMI_CONFIG_PASSPHRASE_FILE, trimmed as Pulumi does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'terra-iac-passphrase-'));
    try {
      writeFileSync(join(dir, 'passphrase'), `${VECTORS[1]!.passphrase}\n`);
      const bad = vectorStack.replace(ROUNDTRIP_VALUE, shipped('testing').config['terra-iac:terraApiKey']!.secure);
      const diagnostics = check({ 'Pulumi.roundtrip.yaml': bad }, { PULUMI_CONFIG_PASSPHRASE_FILE: join(dir, 'passphrase') });
      expect(diagnostics.map((d) => [d.ruleId, d.severity, d.line])).toEqual([['stack-secret-decrypts', 'error', 5]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs in `terra-iac validate` when the passphrase is set, and prints no decrypted value', () => {
    const production = shipped('production');
    const root = copyProject({
      'Pulumi.staging.yaml': (text) =>
        text.replace(/(terra-iac:terraApiKey:\n\s+secure: )\S+/, `$1${production.config['terra-iac:terraApiKey']!.secure}`),
    });
    const run = (env: Record<string, string>) => runCli(['validate', '--env', 'staging'], { cwd: root, env: baseEnv(env) });
    const withPassphrase = run({ PULUMI_CONFIG_PASSPHRASE: DEMO });
    expect(withPassphrase.stdout).toMatch(/^Pulumi\.staging\.yaml:\d+:\d+ error .*\[stack-secret-decrypts\]$/m);
    expect(withPassphrase.code).toBe(1);
    expect(`${withPassphrase.stdout}${withPassphrase.stderr}`).not.toContain('DEMO-ONLY');
    expect(run({}).stdout).not.toContain('stack-secret-decrypts');
  });

  it('fails `terra-iac validate` (exit 1) on a wrong passphrase, as `plan` refuses it, and prints neither passphrase', () => {
    const wrong = 'a-wrong-passphrase-on-purpose';
    const validate = runCli(['validate', '--env', 'staging'], { cwd: REPO, env: baseEnv({ PULUMI_CONFIG_PASSPHRASE: wrong }) });
    expect(validate.stdout).toMatch(/^Pulumi\.staging\.yaml:\d+:\d+ error .*incorrect passphrase.*\[stack-secret-decrypts\]$/m);
    expect(validate.code).toBe(1);
    const plan = runCli(['plan', '--env', 'staging'], { cwd: REPO, env: baseEnv({ PULUMI_CONFIG_PASSPHRASE: wrong }) });
    expect(plan.code).not.toBe(0);
    for (const out of [validate, plan]) expect(`${out.stdout}${out.stderr}`).not.toContain(wrong);
    expect(`${validate.stdout}${validate.stderr}`).not.toContain(DEMO);
  });
});
