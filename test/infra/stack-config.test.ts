import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { StackConfigError } from '../../src/infra/plan/plan-errors';
import { programConfig } from '../../src/infra/plan/stack-config';
import { PLACEHOLDER_SECRET } from '../../src/infra/secret-placeholder';
import type { ProjectFile } from '../../src/model/project-file';
import type { StackFile } from '../../src/model/stack-file';
import { REPO } from './support/shipped';

const DEMO = 'terra-iac-demo-passphrase';
const read = <T>(file: string) => parse(readFileSync(join(REPO, file), 'utf8')) as T;
const project = read<ProjectFile>('Pulumi.yaml');
const testing = read<StackFile>('Pulumi.testing.yaml');

describe('programConfig: what `pulumi up` would hand the program', () => {
  it('stands in placeholders for secure values when no passphrase is given, and marks them secret', () => {
    const config = programConfig({ projectName: 'terra-iac', project, stackName: 'testing', stack: testing });
    expect(config.secrets).toBe('placeholders');
    expect(config.values['terra-iac:terraApiKey']).toBe(PLACEHOLDER_SECRET);
    expect(config.secretKeys).toEqual(['terra-iac:googleClientSecret', 'terra-iac:terraApiKey', 'terra-iac:terraWebhookSigningSecret']);
    expect(config.decryptedSecrets).toEqual([]);
  });

  it('applies Pulumi.yaml defaults under the project namespace, stack values winning, all as strings', () => {
    const config = programConfig({ projectName: 'terra-iac', project, stackName: 'testing', stack: testing });
    expect(config.values['terra-iac:smokeTimeoutMs']).toBe('10000');
    expect(config.values['terra-iac:smokeTest']).toBe('true');
    expect(config.values['aws:region']).toBe('eu-west-1');
    const overridden = programConfig({ projectName: 'terra-iac', project, stackName: 'x', stack: { config: { 'terra-iac:smokeTimeoutMs': 500 } } });
    expect(overridden.values['terra-iac:smokeTimeoutMs']).toBe('500');
  });

  it('encodes structured values as JSON, decrypting secure values at any depth', () => {
    const config = programConfig({
      projectName: 'terra-iac',
      stackName: 'testing',
      stack: { ...testing, config: { 'acme:receivers': [{ name: 'a', token: testing.config!['terra-iac:terraApiKey'] }] } },
      passphrase: DEMO,
    });
    expect(config.secretKeys).toEqual(['acme:receivers']);
    expect(JSON.parse(config.values['acme:receivers']!)).toEqual([{ name: 'a', token: config.decryptedSecrets[0] }]);
  });

  it('decrypts the shipped demo values with the demo passphrase and keeps them for the leak check', () => {
    const config = programConfig({ projectName: 'terra-iac', project, stackName: 'testing', stack: testing, passphrase: DEMO });
    expect(config.secrets).toBe('decrypted');
    expect(config.values['terra-iac:terraApiKey']).toMatch(/^DEMO-ONLY-not-a-real-secret-testing-/);
    expect(config.decryptedSecrets).toHaveLength(3);
  });

  it('says so when the passphrase does not unlock the stack', () => {
    expect(() => programConfig({ projectName: 'terra-iac', stackName: 'testing', stack: testing, passphrase: 'wrong' })).toThrow(
      /PULUMI_CONFIG_PASSPHRASE does not unlock Pulumi\.testing\.yaml/,
    );
  });

  it('names the key whose value does not open, never its content', () => {
    const production = read<StackFile>('Pulumi.production.yaml');
    const pasted = { ...testing, config: { ...testing.config, 'terra-iac:terraApiKey': production.config!['terra-iac:terraApiKey'] } };
    let error: unknown;
    try {
      programConfig({ projectName: 'terra-iac', stackName: 'testing', stack: pasted, passphrase: DEMO });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StackConfigError);
    expect((error as Error).message).toContain('the secure value of terra-iac:terraApiKey does not decrypt');
    expect((error as StackConfigError).hint).toContain('pulumi config set --secret terraApiKey --stack testing');
  });
});
