import { afterAll, describe, expect, it } from 'vitest';
import type { PlanReport } from '../../src/infra/plan/plan-report';
import { STACK_FRAME, terraIac } from './support/cli';
import { projectCopy, removeProjectCopies } from './support/project-copy';

afterAll(removeProjectCopies);

const DEMO = 'terra-iac-demo-passphrase';

/** Pulumi.testing.yaml as `pulumi stack change-secrets-provider` would leave it for a cloud provider. */
const withProvider = (provider: string | undefined) =>
  projectCopy({
    'Pulumi.testing.yaml': (text) =>
      text
        .replace(/^secretsprovider: passphrase\n/m, '')
        .replace(/^encryptionsalt: .*$/m, provider === undefined ? '' : `secretsprovider: ${provider}\nencryptedkey: Y2lwaGVydGV4dC1vZi10aGUtZGF0YS1rZXk=`),
  });

describe('terra-iac plan of a stack whose secrets provider is not the passphrase', () => {
  it.each([
    ['awskms://alias/terra-iac?region=eu-west-1', 'awskms'],
    ['gcpkms://projects/acme/locations/global/keyRings/terra/cryptoKeys/iac', 'gcpkms'],
    ['hashivault://terra-iac', 'hashivault'],
  ])('%s: names the provider and says plan decrypts passphrase stacks only, with or without a passphrase', (provider, name) => {
    const cwd = withProvider(provider);
    for (const env of [{}, { PULUMI_CONFIG_PASSPHRASE: DEMO }] as Array<Record<string, string>>) {
      const result = terraIac(['plan', '--env', 'testing'], { cwd, env });
      const text = result.stdout.replace(/\s+/g, ' ');
      expect(result.code, result.stderr).toBe(0);
      expect(text).toContain(
        `Secret values: Pulumi.testing.yaml uses the ${name} secrets provider, and terra-iac plan can only decrypt passphrase stacks, so placeholders stand in for secure stack values`,
      );
      expect(text).not.toContain('is not set');
      expect(text).not.toContain('alias/terra-iac');
      expect(`${result.stdout}${result.stderr}`).not.toMatch(STACK_FRAME);
    }
  });

  it('the JSON plan names the provider too', () => {
    const result = terraIac(['plan', '--env', 'testing', '--format', 'json'], { cwd: withProvider('awskms://alias/terra-iac?region=eu-west-1') });
    expect(result.code, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as PlanReport).secretValues).toEqual({ source: 'placeholders', secretsProvider: 'awskms', unsetEnvironmentVariables: ['STRAVA_CLIENT_SECRET_TESTING'] });
  });

  it('a stack without salt or provider is a Pulumi Cloud stack', () => {
    const result = terraIac(['plan', '--env', 'testing'], { cwd: withProvider(undefined) });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.replace(/\s+/g, ' ')).toContain('Pulumi.testing.yaml uses the Pulumi Cloud (service) secrets provider, and terra-iac plan can only decrypt passphrase stacks');
  });

  it('a passphrase stack without the passphrase still says that it is not set', () => {
    const result = terraIac(['plan', '--env', 'testing'], { cwd: projectCopy() });
    expect(result.stdout.replace(/\s+/g, ' ')).toContain('PULUMI_CONFIG_PASSPHRASE is not set, so placeholders stand in');
  });
});
