import { join } from 'node:path';
import type { Diagnostic } from '../core/diagnostic';
import { TerraIacError, UsageError } from '../core/errors';
import { plural } from '../core/plural';
import { formatText } from '../formatters/text';
import { programConfig, type ProgramConfig } from '../infra/plan/stack-config';
import type { StackSecretTarget } from '../load/stack-secret-writer';
import { passphraseFromEnv } from '../load/stack-passphrase';
import type { Environment } from '../model/environment';
import { PROJECT_NAMESPACE } from '../model/secret-refs';
import { loadProject } from '../project';
import type { DriftReport } from '../report/admin/render-drift';
import { resolveAdminBaseUrl } from '../terra/admin/admin-base-url';
import { readAdminToken } from '../terra/admin/admin-token';
import type { MeResponse } from '../terra/admin/admin-types';
import { TerraAdminClient } from '../terra/admin/client';
import { desiredTerraState, type DesiredTerraState } from '../terra/admin/desired';
import { diffTerraState } from '../terra/admin/diff';
import { liveReadOperations, readLiveState } from '../terra/admin/live';
import { readAppliedVersions, secretLookup } from '../terra/admin/secret-lookup';
import type { SecretLookup } from '../terra/admin/applied-versions';
import { colorAllowed, type Io } from './io';
import { projectRoot } from './project-root';

/** What drift and apply both take. */
export interface AdminCommandValues {
  env?: string;
  'admin-base-url'?: string;
  root?: string;
}

/** One environment, ready to be compared with Terra: its declaration, its stack config and a client. */
export interface AdminSession {
  environment: string;
  desired: DesiredTerraState;
  config: ProgramConfig;
  secrets: SecretLookup;
  stack: StackSecretTarget;
  client: TerraAdminClient;
  baseUrl: string;
  me: MeResponse;
}

/**
 * Loads and validates the environment (exit 2 on errors), reads its stack config (secure values decrypted
 * with PULUMI_CONFIG_PASSPHRASE when it is set), resolves the base URL, checks the token is there, and
 * preflights `GET /me` for the scopes of the live read. No AWS credentials and no Pulumi CLI are involved.
 */
export async function openAdminSession(values: AdminCommandValues, positionals: readonly string[], io: Io, readOnly: boolean): Promise<AdminSession> {
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`, 'this command takes only options');
  const environment = values.env;
  if (!environment) throw new UsageError('--env NAME is required', 'name the environment, e.g. --env testing (config/testing.yaml)');
  const root = projectRoot(values.root, io.cwd);
  const project = loadProject({ root, envs: [environment], cwd: io.cwd });
  const entry = project.environments.find((e) => e.name === environment);
  // A read-only drift needs no secret value: one not set yet is compared as "not available here", so a
  // freshly imported environment can be checked before its secrets are. apply needs them, so it still refuses.
  const tolerated = (d: Diagnostic) => readOnly && d.ruleId === 'stack-secret-present';
  const errors = project.diagnostics.filter((d) => d.severity === 'error' && !tolerated(d));
  const unset = project.diagnostics.filter((d) => d.severity === 'error' && tolerated(d));
  if (!entry?.model || errors.length) {
    const sources = new Map(project.files.map((f) => [f.path, f.text]));
    io.stderr(formatText(errors, { sources, summary: { errors: errors.length, warnings: 0, infos: 0, files: project.files.length }, color: colorAllowed(io), toolVersion: '' }));
    throw new TerraIacError(`config/${environment}.yaml or its stack file has errors, so it cannot be compared with Terra`, 'config', {
      hint: `fix them first (terra-iac validate --env ${environment})`,
    });
  }
  if (unset.length) {
    io.stderr(`terra-iac: note: ${plural(unset.length, 'secret')} of Pulumi.${environment}.yaml not set yet (terra-iac validate --env ${environment} gives the commands); drift does not compare them\n`);
  }
  const model: Environment = entry.model;
  const desired = desiredTerraState(environment, model);
  const config = programConfig({
    projectName: project.projectFile?.model?.name ?? PROJECT_NAMESPACE,
    project: project.projectFile?.model,
    stackName: environment,
    stack: project.stacks.find((s) => s.name === environment)?.model,
    passphrase: passphraseFromEnv(io.env),
  });
  const base = resolveAdminBaseUrl(values['admin-base-url'], io.env.TERRA_ADMIN_BASE_URL, desired.adminBaseUrl);
  readAdminToken(io.env);
  const client = new TerraAdminClient({ baseUrl: base.url, env: io.env, readOnly });
  const { me, warnings } = await client.preflight(desired.devId, liveReadOperations(desired));
  for (const warning of warnings) io.stderr(`terra-iac: warning: ${warning}\n`);
  const stackName = `Pulumi.${environment}.yaml`;
  return {
    environment,
    desired,
    config,
    secrets: secretLookup(config, io.env),
    stack: { stackFile: join(root, stackName), shownAs: stackName, passphrase: passphraseFromEnv(io.env) },
    client,
    baseUrl: base.url,
    me,
  };
}

/** The live read and the diff. Unread parts keep the report out of sync even without a change. */
export async function driftReport(session: AdminSession, applied = readAppliedVersions(session.config)): Promise<DriftReport> {
  const observed = await readLiveState(session.client, session.desired);
  const diff = diffTerraState(session.desired, observed, session.secrets, applied);
  return {
    environment: session.environment,
    devId: session.desired.devId,
    ...diff,
    inSync: diff.inSync && !(observed.unread?.length ?? 0),
  };
}
