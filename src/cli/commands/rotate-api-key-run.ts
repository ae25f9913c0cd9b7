import { constants, accessSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isMap, parseDocument } from 'yaml';
import { EXIT, TerraIacError, UsageError } from '../../core/errors';
import { formatText } from '../../formatters/text';
import { decryptValue } from '../../load/pulumi-passphrase';
import { openStackForSecrets, writeStackSecret, type StackSecretTarget } from '../../load/stack-secret-writer';
import { passphraseFromEnv } from '../../load/stack-passphrase';
import type { Environment } from '../../model/environment';
import { environmentSecrets } from '../../model/secret-names';
import { fullStackKey } from '../../model/secret-refs';
import { loadProject } from '../../project';
import { resolveAdminBaseUrl } from '../../terra/admin/admin-base-url';
import { readAdminToken } from '../../terra/admin/admin-token';
import { TerraAdminClient } from '../../terra/admin/client';
import { ROTATE_API_KEY_OPERATIONS, rotateApiKey } from '../../terra/admin/rotate-api-key';
import { colorAllowed, type Io } from '../io';
import type { RotateApiKeyArgs } from './rotate-api-key';

/**
 * `terra-iac rotate-api-key --env NAME [--yes]`: everything that could keep the new key from being stored
 * (the reference, the stack's secrets provider, the passphrase, a writable file) is checked before Terra is
 * called, because Terra returns the new key once and disables the old one at the same moment.
 */
export async function run({ values, positionals }: RotateApiKeyArgs, io: Io): Promise<number> {
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`, 'rotate-api-key takes only options');
  const environment = values.env;
  if (!environment) throw new UsageError('--env NAME is required', 'name the environment, e.g. --env testing (config/testing.yaml)');
  const root = resolve(io.cwd, values.root ?? '.');
  const model = loadEnvironment(environment, root, io);
  const devId = model.terra.devId;
  const ref = model.terra.apiKey;
  if ('fromEnv' in ref) {
    throw new TerraIacError(
      `terra.apiKey of ${environment} points at the environment variable ${ref.fromEnv}, where terra-iac cannot store the new key`,
      'config',
      { hint: 'point terra.apiKey at stack config ({ fromStackConfig: terraApiKey }) on a passphrase stack, or rotate on the dashboard; nothing was rotated' },
    );
  }
  const stackName = `Pulumi.${environment}.yaml`;
  const stack: StackSecretTarget = { stackFile: join(root, stackName), shownAs: stackName, passphrase: passphraseFromEnv(io.env) };
  const configKey = fullStackKey(ref.fromStackConfig);
  precheckStore(stack);

  const base = resolveAdminBaseUrl(values['admin-base-url'], io.env.TERRA_ADMIN_BASE_URL, model.terra.admin?.baseUrl);
  readAdminToken(io.env);
  const client = new TerraAdminClient({ baseUrl: base.url, env: io.env });
  const { warnings } = await client.preflight(devId, ROTATE_API_KEY_OPERATIONS);
  for (const warning of warnings) io.stderr(`terra-iac: warning: ${warning}\n`);

  if (!values.yes) await confirm(io, environment, devId);
  const newKey = await rotateApiKey(client, devId);
  try {
    writeStackSecret(stack, configKey, newKey);
  } catch (error) {
    throw new TerraIacError(
      `Terra rotated the API key of ${environment}, but the new key could not be stored in ${stackName}: ${error instanceof Error ? error.message : 'unknown error'}`,
      'io',
      { hint: 'the old key no longer works and the new one was not kept: fix the stack file, then rotate again (terra-iac rotate-api-key, or the dashboard)' },
    );
  }
  if (!storedSecretEquals(stack, configKey, newKey)) {
    throw new TerraIacError(`the key read back from ${stackName} at ${configKey} is not the key Terra returned`, 'io', {
      hint: 'this is a terra-iac bug, please report it; rotate again once it is fixed',
    });
  }
  io.stdout(report(environment, devId, stackName, configKey, awsSecretName(environment, model)));
  return EXIT.ok;
}

/** The environment through the one pipeline; refuses (exit 2) when its file or stack has errors. */
function loadEnvironment(environment: string, root: string, io: Io): Environment {
  const project = loadProject({ root, envs: [environment], cwd: io.cwd });
  const entry = project.environments.find((e) => e.name === environment);
  const errors = project.diagnostics.filter((d) => d.severity === 'error');
  if (!entry?.model || errors.length) {
    const sources = new Map(project.files.map((f) => [f.path, f.text]));
    io.stderr(formatText(errors, { sources, summary: { errors: errors.length, warnings: 0, infos: 0, files: project.files.length }, color: colorAllowed(io), toolVersion: '' }));
    throw new TerraIacError(`config/${environment}.yaml or its stack file has errors, so its API key is not rotated`, 'config', {
      hint: `fix them first (terra-iac validate --env ${environment}); nothing was rotated`,
    });
  }
  return entry.model;
}

/** Proves the new key could be encrypted and written (passphrase stack, passphrase that opens it, writable file and folder). */
function precheckStore(stack: StackSecretTarget): void {
  try {
    openStackForSecrets(stack);
  } catch (error) {
    if (!(error instanceof TerraIacError)) throw error;
    throw new TerraIacError(`the new API key could not be stored: ${error.message}`, 'config', { hint: `${error.hint ?? 'fix the stack file'}; nothing was rotated` });
  }
  for (const path of [stack.stackFile, dirname(stack.stackFile)]) {
    try {
      accessSync(path, constants.W_OK);
    } catch {
      throw new TerraIacError(`the new API key could not be stored: ${path === stack.stackFile ? stack.shownAs : 'the folder of ' + stack.shownAs} is not writable`, 'io', {
        hint: 'make it writable; nothing was rotated',
      });
    }
  }
}

async function confirm(io: Io, environment: string, devId: string): Promise<void> {
  if (!io.prompt) {
    throw new TerraIacError('rotate-api-key disables the current Terra API key at once and needs confirmation, but stdin is not a terminal', 'usage', {
      hint: 'run again with --yes; nothing was rotated',
    });
  }
  const answer = await io.prompt(`Rotate the Terra API key of ${environment} (dev-id ${devId})? The current key stops working at once. [y/N] `);
  if (!/^y(es)?$/i.test(answer.trim())) throw new TerraIacError('rotate-api-key was not confirmed', 'usage', { hint: 'nothing was rotated' });
}

/** Reads the value back the way `pulumi` will: decrypted from the file now on disk. */
function storedSecretEquals(stack: StackSecretTarget, configKey: string, expected: string): boolean {
  const { text, key } = openStackForSecrets(stack);
  const doc = parseDocument(text);
  const node = doc.getIn(['config', configKey], true);
  if (!isMap(node)) return false;
  const secure = node.get('secure');
  return typeof secure === 'string' && decryptValue(key, secure) === expected;
}

function awsSecretName(environment: string, model: Environment): string | undefined {
  return environmentSecrets(environment, model).find((s) => s.path.join('.') === 'terra.apiKey')?.name;
}

/** What happened and what to do now; never the key, nor any part of it. */
function report(environment: string, devId: string, stackName: string, configKey: string, secretName: string | undefined): string {
  const aws = secretName ? `AWS Secrets Manager (${secretName})` : 'AWS Secrets Manager';
  return (
    `Rotated the Terra API key of ${environment} (dev-id ${devId}).\n` +
    `The new key is encrypted in ${stackName} at ${configKey}; it is not shown.\n\n` +
    `Next: pulumi up --stack ${environment}, so ${aws} holds the new key, then commit ${stackName}.\n\n` +
    'Until then, Terra rejects the old key, which is still what AWS holds:\n' +
    `  - services that read ${secretName ?? 'the API key secret'} get 401 from Terra's data API (widget sessions, data requests);\n` +
    `  - terra-iac smoke --env ${environment} fails credentials.valid with an old TERRA_API_KEY;\n` +
    '  - webhooks keep arriving: the signing secret is per destination and was not rotated.\n'
  );
}
