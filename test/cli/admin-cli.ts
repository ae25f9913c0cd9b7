import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { decryptValue, unlockStack } from '../../src/load/pulumi-passphrase';
import { startLocalTerraAdmin, type LocalTerraAdmin, type LocalTerraAdminOptions } from '../support/local-terra-admin';
import { BIN, baseEnv, copyProject, type CliResult } from './helpers';

/** config/testing.yaml's dev-id, and the demo passphrase of the shipped stacks (README). */
export const DEV = 'acme-health-testing-Q7mK2p';
export const PASSPHRASE = 'terra-iac-demo-passphrase';
export const STRAVA_SECRET = 'strava-client-secret-9f3c2a7e';
export const ALL_SCOPES = ['providers:read', 'providers:write', 'destinations:read', 'destinations:write'];
export const READ_SCOPES = ['providers:read', 'destinations:read'];

/**
 * Terra as config/testing.yaml does not have it: FITBIT off, an undeclared WHOOP on, STRAVA with another
 * client id, GOOGLE without credentials or scopes, and no webhook destination.
 */
export function driftedSeed(): LocalTerraAdminOptions['seed'] {
  return {
    environments: {
      [DEV]: {
        sources: { garmin: { active: true }, fitbit: { active: false }, oura: { active: true }, polar: { active: true }, strava: { active: true }, google: { active: true }, whoop: { active: true } },
        credentials: { strava: { clientId: '999999', clientSecret: 'old-strava-secret-0000' } },
      },
    },
  };
}

export async function startDrifted(options: LocalTerraAdminOptions = {}): Promise<LocalTerraAdmin> {
  return startLocalTerraAdmin({ seed: driftedSeed(), ...options });
}

/** The built CLI as its own process, asynchronously: the in-process admin server must keep answering. */
export function runCliAsync(args: readonly string[], cwd: string, env: Record<string, string>): Promise<CliResult> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: baseEnv(env) });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A copy of the shipped project, whose Pulumi.testing.yaml apply may write. */
export function project(): string {
  return copyProject();
}

/** Every `secure:` value of a stack file, decrypted with the demo passphrase, by key. */
export function stackSecrets(dir: string, env = 'testing'): Record<string, string> {
  const stack = parse(readFileSync(join(dir, `Pulumi.${env}.yaml`), 'utf8')) as { config: Record<string, unknown>; encryptionsalt: string };
  const key = unlockStack(PASSPHRASE, stack.encryptionsalt);
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(stack.config)) {
    if (value && typeof value === 'object' && 'secure' in value) out[name] = decryptValue(key, (value as { secure: string }).secure);
  }
  return out;
}

/** The environment the CLI gets: the token, the passphrase and the STRAVA secret its fromEnv names. */
export function cliEnv(token: string, extra: Record<string, string> = {}): Record<string, string> {
  return { TERRA_ADMIN_TOKEN: token, PULUMI_CONFIG_PASSPHRASE: PASSPHRASE, STRAVA_CLIENT_SECRET_TESTING: STRAVA_SECRET, ...extra };
}

/** Fails with the secret's name (never its value) when any output holds any of the secrets. */
export function leakedIn(outputs: readonly string[], secrets: Readonly<Record<string, string>>): string[] {
  return Object.entries(secrets).flatMap(([name, value]) => (outputs.some((o) => o.includes(value)) ? [name] : []));
}
