import { EXIT, TerraIacError } from '../../core/errors';
import { writeStackSecret, writeStackValue, openStackForSecrets } from '../../load/stack-secret-writer';
import { fullStackKey } from '../../model/secret-refs';
import type { SecretRef } from '../../model/secret-ref';
import { renderApplyJson, renderApplyText } from '../../report/admin/render-apply';
import { renderDriftJson, renderDriftText } from '../../report/admin/render-drift';
import { scopesFor } from '../../terra/admin/admin-operations';
import type { AppliedVersions } from '../../terra/admin/applied-versions';
import { executeCalls, missingSecrets, describeCall } from '../../terra/admin/apply-calls';
import { liveReadOperations } from '../../terra/admin/live';
import { checkMe } from '../../terra/admin/me-check';
import { planCalls, type AdminCall } from '../../terra/admin/plan-calls';
import { APPLIED_VERSIONS_KEY, readAppliedVersions } from '../../terra/admin/secret-lookup';
import { driftReport, openAdminSession, type AdminSession } from '../admin-session';
import type { Io } from '../io';
import type { ApplyArgs } from './apply';

/**
 * `terra-iac apply --env NAME [--yes]`: drift's diff, then the planned admin calls in order. Everything that
 * can refuse the run (scopes, secret values, where a new signing secret goes, confirmation) is checked
 * before the first call. Ends with a re-read: exit 0 only when a following drift would be clean.
 */
export async function run({ values, positionals }: ApplyArgs, io: Io): Promise<number> {
  const json = values.format === 'json';
  const session = await openAdminSession(values, positionals, io, false);
  const before = await driftReport(session);
  const calls = planCalls(session.desired, before.changes);
  if (calls.length === 0) {
    const recorded = recordVersions(session);
    const report = recorded ? await driftReport(session, recorded) : before;
    io.stdout(json ? renderDriftJson(report) : renderDriftText(report));
    return report.inSync ? EXIT.ok : EXIT.findings;
  }

  checkMe(session.me, { devId: session.desired.devId, requiredScopes: scopesFor([...liveReadOperations(session.desired), ...calls.map((c) => c.op)]), now: Date.now() });
  const missing = missingSecrets(calls, session.secrets);
  if (missing.length) {
    throw new TerraIacError(`apply needs secret values that are not available: ${missing.join('; ')}`, 'config', {
      hint: 'export the variables named, and set PULUMI_CONFIG_PASSPHRASE so the stack config can be decrypted; nothing was changed in Terra',
    });
  }
  precheckSigningSecretStore(session, calls);

  const show = (text: string) => (json ? io.stderr(text) : io.stdout(text));
  show(`${renderDriftText(before)}\nCalls, in order:\n${calls.map((c) => `  ${describeCall(c)}\n`).join('')}`);
  if (!values.yes) await confirm(io, session);

  const outcomes = await executeCalls(session.client, session.desired.devId, calls, {
    secrets: session.secrets,
    storeSigningSecret: (ref, value) => writeStackSecret(session.stack, stackKeyOf(ref), value),
  });
  const allDone = outcomes.every((o) => o.status === 'done');
  const recorded = allDone ? recordVersions(session) : undefined;
  const after = await driftReport(session, recorded ?? readAppliedVersions(session.config));
  io.stdout((json ? renderApplyJson : renderApplyText)({ before, outcomes, after }));
  return allDone && after.inSync ? EXIT.ok : EXIT.findings;
}

/** A created destination's signing secret is shown once: refuse before anything is created unless it can be kept. */
function precheckSigningSecretStore(session: AdminSession, calls: readonly AdminCall[]): void {
  const create = calls.find((c): c is AdminCall & { op: 'createDestination' } => c.op === 'createDestination');
  if (!create) return;
  const ref = create.storeSigningSecretAt;
  if ('fromEnv' in ref) {
    throw new TerraIacError(
      `apply would create the webhook destination ${create.url}, whose signing secret Terra returns only once, but webhook.signingSecret points at the environment variable ${ref.fromEnv}, where terra-iac cannot store it`,
      'config',
      { hint: 'point webhook.signingSecret at stack config ({ fromStackConfig: terraWebhookSigningSecret }) on a passphrase stack, then run apply again; nothing was changed in Terra' },
    );
  }
  try {
    openStackForSecrets(session.stack);
  } catch (error) {
    if (!(error instanceof TerraIacError)) throw error;
    throw new TerraIacError(`apply would create the webhook destination ${create.url}, but its signing secret could not be stored: ${error.message}`, 'config', {
      hint: `${error.hint ?? 'fix the stack file'}; nothing was changed in Terra`,
    });
  }
}

async function confirm(io: Io, session: AdminSession): Promise<void> {
  if (!io.prompt) {
    throw new TerraIacError('apply changes Terra and needs confirmation, but stdin is not a terminal', 'usage', {
      hint: `review the changes above (terra-iac drift --env ${session.environment}) and run again with --yes; nothing was changed in Terra`,
    });
  }
  const answer = await io.prompt(`Apply these changes to ${session.environment} (dev-id ${session.desired.devId})? [y/N] `);
  if (!/^y(es)?$/i.test(answer.trim())) {
    throw new TerraIacError('apply was not confirmed', 'usage', { hint: 'nothing was changed in Terra' });
  }
}

/**
 * Records the declared rotation triggers (APPLIED_VERSIONS_KEY) when they differ from what was recorded;
 * returns the new record, or undefined when nothing needed writing.
 */
function recordVersions(session: AdminSession): AppliedVersions | undefined {
  const declared: AppliedVersions = {};
  const signing = session.desired.webhook?.signingSecretVersion;
  if (signing !== undefined) declared.signingSecretVersion = signing;
  const secretVersions = Object.fromEntries(session.desired.credentials.flatMap((c) => (c.secretVersion === undefined ? [] : [[c.provider, c.secretVersion] as const])));
  if (Object.keys(secretVersions).length) declared.secretVersions = secretVersions;
  if (JSON.stringify(declared) === '{}' || JSON.stringify(declared) === JSON.stringify(readAppliedVersions(session.config))) return undefined;
  writeStackValue(session.stack, APPLIED_VERSIONS_KEY, declared);
  return declared;
}

function stackKeyOf(ref: SecretRef): string {
  if ('fromEnv' in ref) throw new TerraIacError(`cannot store a secret in the environment variable ${ref.fromEnv}`, 'config');
  return fullStackKey(ref.fromStackConfig);
}
