import { TerraIacError } from '../../core/errors';
import type { SecretRef } from '../../model/secret-ref';
import type { SecretLookup } from './applied-versions';
import type { ProviderCredentialWrite } from './admin-types';
import type { TerraAdminClient } from './client';
import { describeDataCall, executeDataCall } from './apply-calls-data';
import type { AdminCall } from './plan-calls';
import { describeRef } from './secret-lookup';

/** One planned call and what became of it. */
export interface CallOutcome {
  label: string;
  status: 'done' | 'failed' | 'not-done';
  /** Why it failed, or what is left to do (never a secret value). */
  note?: string;
}

export interface ApplyHooks {
  secrets: SecretLookup;
  /** Stores the signing secret Terra returned for a created destination where `ref` points. */
  storeSigningSecret: (ref: SecretRef, value: string) => void;
}

/** `enableSource garmin`, `createDestination https://…`: a call as apply reports it. */
export function describeCall(call: AdminCall): string {
  switch (call.op) {
    case 'createDestination':
    case 'patchDestination':
    case 'deleteDestination':
      return `${call.op} ${call.url}`;
    case 'putUnifiedApiScopes':
    case 'patchUnifiedApiScopes':
    case 'setProcessing':
    case 'setWidgetConfig':
      return describeDataCall(call);
    default:
      return `${call.op} ${call.adminCode}`;
  }
}

/** Every secret the calls need that has no value here, as "what, where" lines (names only). */
export function missingSecrets(calls: readonly AdminCall[], secrets: SecretLookup): string[] {
  const missing: string[] = [];
  for (const call of calls) {
    if (call.op !== 'setSourceCredentials') continue;
    const refs: [string, SecretRef | undefined][] = [
      ['client secret', call.body.clientSecret],
      ['verification secret', call.body.verificationSecret],
    ];
    for (const [what, ref] of refs) {
      if (ref && secrets(ref) === undefined) missing.push(`the ${what} of ${call.provider} (${describeRef(ref)})`);
    }
  }
  return missing;
}

/**
 * Runs the calls in plan order and stops at the first that fails, since later ones rely on earlier ones (a
 * destination is deleted only after its replacement exists). Mutations carry their Idempotency-Keys (the
 * client's), so a re-run after a failure converges from wherever this one stopped.
 */
export async function executeCalls(client: TerraAdminClient, devId: string, calls: readonly AdminCall[], hooks: ApplyHooks): Promise<CallOutcome[]> {
  const outcomes: CallOutcome[] = [];
  let stopped: string | undefined;
  for (const call of calls) {
    const label = describeCall(call);
    if (stopped !== undefined) {
      outcomes.push({ label, status: 'not-done', note: `not attempted after ${stopped} failed` });
      continue;
    }
    try {
      const note = await execute(client, devId, call, hooks);
      outcomes.push(note === undefined ? { label, status: 'done' } : { label, status: 'failed', note });
      if (note !== undefined) stopped = label;
    } catch (error) {
      if (!(error instanceof TerraIacError)) throw error;
      outcomes.push({ label, status: 'failed', note: error.hint ? `${error.message}; ${error.hint}` : error.message });
      stopped = label;
    }
  }
  return outcomes;
}

/** Undefined when the call did all it should; otherwise what is missing. */
async function execute(client: TerraAdminClient, devId: string, call: AdminCall, hooks: ApplyHooks): Promise<string | undefined> {
  switch (call.op) {
    case 'setSourceCredentials':
      await client.setSourceCredentials(devId, call.adminCode, credentialBody(call, hooks.secrets));
      return undefined;
    case 'setSourceScopes':
      await client.setSourceScopes(devId, call.adminCode, call.scopes);
      return undefined;
    case 'enableSource':
      await client.enableSource(devId, call.adminCode);
      return undefined;
    case 'disableSource':
      await client.disableSource(devId, call.adminCode);
      return undefined;
    case 'patchDestination': {
      const patch: { active?: boolean; event_types?: string[] } = {};
      if (call.active !== undefined) patch.active = call.active;
      if (call.eventTypes !== undefined) patch.event_types = [...call.eventTypes];
      await client.patchDestination(devId, call.destinationId, patch);
      return undefined;
    }
    case 'deleteDestination':
      await client.deleteDestination(devId, call.destinationId);
      return undefined;
    case 'putUnifiedApiScopes':
    case 'patchUnifiedApiScopes':
    case 'setProcessing':
    case 'setWidgetConfig':
      await executeDataCall(client, devId, call);
      return undefined;
    case 'createDestination': {
      const created = await client.createDestination(devId, {
        type: 'webhook',
        url: call.url,
        active: call.active,
        ...(call.eventTypes ? { event_types: [...call.eventTypes] } : {}),
      });
      if (!created.signing_secret) {
        return `destination ${created.id} was created, but Terra returned no signing_secret, so nothing was stored at ${describeRef(call.storeSigningSecretAt)}: copy the signing secret from Terra's dashboard into it (pulumi config set --secret)`;
      }
      try {
        hooks.storeSigningSecret(call.storeSigningSecretAt, created.signing_secret);
      } catch (error) {
        if (!(error instanceof TerraIacError)) throw error;
        return `destination ${created.id} was created, but its signing secret could not be stored at ${describeRef(call.storeSigningSecretAt)} (${error.message}): delete the destination in Terra and run apply again`;
      }
      return undefined;
    }
  }
}

function credentialBody(call: AdminCall & { op: 'setSourceCredentials' }, secrets: SecretLookup): ProviderCredentialWrite {
  const value = (ref: SecretRef): string => {
    const found = secrets(ref);
    // missingSecrets() refuses the run before any call; this is the guard if a value vanished since.
    if (found === undefined) throw new TerraIacError(`no value for ${describeRef(ref)}`, 'config');
    return found;
  };
  const body: ProviderCredentialWrite = { client_id: call.body.clientId, client_secret: value(call.body.clientSecret) };
  if (call.body.redirectUrl !== undefined) body.redirect_url = call.body.redirectUrl;
  if (call.body.verificationSecret) body.verification_secret = value(call.body.verificationSecret);
  if (call.body.sandbox !== undefined) body.sandbox = call.body.sandbox;
  return body;
}
