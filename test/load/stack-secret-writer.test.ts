import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { decryptValue, unlockStack } from '../../src/load/pulumi-passphrase';
import { openStackForSecrets, writeStackSecret } from '../../src/load/stack-secret-writer';

const REPO = join(__dirname, '..', '..');
const DEMO = 'terra-iac-demo-passphrase';
const SECRET = 'whsec_WRITERsecret4Df5Gh6Jk7Lz8Qw';
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function stackCopy(text?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'terra-iac-writer-'));
  dirs.push(dir);
  const file = join(dir, 'Pulumi.staging.yaml');
  if (text === undefined) copyFileSync(join(REPO, 'Pulumi.staging.yaml'), file);
  else writeFileSync(file, text);
  return file;
}

const target = (stackFile: string, passphrase: string | undefined) => ({ stackFile, shownAs: 'Pulumi.staging.yaml', passphrase });

describe('writeStackSecret: as `pulumi config set --secret` would', () => {
  it('adds a key that decrypts under the stack\'s own key, keeping every other line and comment', () => {
    const file = stackCopy();
    const before = readFileSync(file, 'utf8');
    writeStackSecret(target(file, DEMO), 'terra-iac:newSigningSecret', SECRET);
    const after = readFileSync(file, 'utf8');
    expect(after).not.toContain(SECRET);
    for (const line of before.split('\n')) expect(after).toContain(line);
    const stack = parse(after) as { encryptionsalt: string; config: Record<string, { secure: string }> };
    const key = unlockStack(DEMO, stack.encryptionsalt);
    expect(decryptValue(key, stack.config['terra-iac:newSigningSecret']!.secure)).toBe(SECRET);
    expect(readdirSync(join(file, '..'))).toEqual(['Pulumi.staging.yaml']);
  });

  it('replaces the value of an existing key', () => {
    const file = stackCopy();
    writeStackSecret(target(file, DEMO), 'terra-iac:terraWebhookSigningSecret', SECRET);
    const stack = parse(readFileSync(file, 'utf8')) as { encryptionsalt: string; config: Record<string, { secure: string }> };
    expect(decryptValue(unlockStack(DEMO, stack.encryptionsalt), stack.config['terra-iac:terraWebhookSigningSecret']!.secure)).toBe(SECRET);
  });

  it.each([
    ['a cloud secrets provider', 'secretsprovider: awskms://alias/terra\nconfig:\n  aws:region: eu-west-1\n', DEMO, /awskms:\/\/alias\/terra secrets provider; terra-iac can only encrypt for passphrase stacks/],
    ['no passphrase set', undefined, undefined, /PULUMI_CONFIG_PASSPHRASE is not set/],
    ['a wrong passphrase', undefined, 'not-the-passphrase', /does not open Pulumi.staging.yaml \(incorrect passphrase\)/],
  ])('refuses with %s, leaving the file untouched', (_case, text, passphrase, message) => {
    const file = stackCopy(text);
    const before = readFileSync(file, 'utf8');
    expect(() => openStackForSecrets(target(file, passphrase))).toThrow(message);
    let thrown: unknown;
    try {
      writeStackSecret(target(file, passphrase), 'terra-iac:newSigningSecret', SECRET);
    } catch (error) {
      thrown = error;
    }
    expect((thrown as Error).message).toMatch(message);
    expect((thrown as { exitKind: string }).exitKind).toBe('config');
    expect(`${(thrown as Error).message}${(thrown as { hint?: string }).hint}`).not.toContain(SECRET);
    if (passphrase) expect((thrown as Error).message).not.toContain(passphrase === DEMO ? 'terra-iac-demo' : passphrase);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});
