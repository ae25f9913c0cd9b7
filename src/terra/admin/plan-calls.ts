import type { SecretRef } from '../../model/secret-ref';
import type { TerraChange } from './changes';
import type { DesiredTerraState } from './desired';
import { DATA_CALL_ORDER, dataCallsFor, type DataCall } from './plan-calls-data';

interface SourceCall {
  /** Provider code as config/ spells it. */
  provider: string;
  /** The `{provider}` path segment. */
  adminCode: string;
}

/** ProviderCredentialWrite with references in place of the secrets; apply resolves them when it calls. */
export interface CredentialWrite {
  clientId: string;
  clientSecret: SecretRef;
  redirectUrl?: string;
  verificationSecret?: SecretRef;
  sandbox?: boolean;
}

/** One admin-API operation, named by its operationId, carrying no secret value. */
export type AdminCall =
  | ({ op: 'setSourceCredentials'; body: CredentialWrite } & SourceCall)
  | ({ op: 'setSourceScopes'; scopes: readonly string[] } & SourceCall)
  | ({ op: 'enableSource' } & SourceCall)
  | ({ op: 'disableSource' } & SourceCall)
  | {
      op: 'createDestination';
      url: string;
      active: boolean;
      /** Left out: every event type. */
      eventTypes?: readonly string[];
      /** Where apply stores the signing secret Terra returns, once, in the response. */
      storeSigningSecretAt: SecretRef;
    }
  | { op: 'patchDestination'; destinationId: string; url: string; active?: boolean; eventTypes?: readonly string[] }
  | { op: 'deleteDestination'; destinationId: string; url: string }
  | DataCall;

export type AdminOp = AdminCall['op'];

/**
 * The order apply calls in: a provider's credentials before it is enabled (a source without the keys it
 * needs fails its users' connections), its scopes after its credentials, the data types before the fields
 * within them, a new destination before the one it
 * replaces goes, and disabling last, so a failed run leaves nothing off that should be on.
 */
const ORDER: readonly AdminOp[] = [
  'setSourceCredentials',
  'setSourceScopes',
  'enableSource',
  ...DATA_CALL_ORDER,
  'createDestination',
  'patchDestination',
  'deleteDestination',
  'disableSource',
];

/** The calls that make Terra match the declaration, from the changes diffTerraState found. */
export function planCalls(desired: DesiredTerraState, changes: readonly TerraChange[]): AdminCall[] {
  const calls = changes.flatMap((change) => callsFor(desired, change));
  return calls
    .map((call, index) => ({ call, index }))
    .sort((a, b) => ORDER.indexOf(a.call.op) - ORDER.indexOf(b.call.op) || a.index - b.index)
    .map(({ call }) => call);
}

function callsFor(desired: DesiredTerraState, change: TerraChange): AdminCall[] {
  const source = { provider: change.key, adminCode: change.adminCode ?? change.key.toLowerCase() };
  switch (change.object) {
    case 'source':
      return [{ op: change.action === 'disable' ? 'disableSource' : 'enableSource', ...source }];
    case 'credentials': {
      const want = desired.credentials.find((c) => c.provider === change.key);
      return want ? [{ op: 'setSourceCredentials', ...source, body: credentialWrite(want) }] : [];
    }
    case 'scopes': {
      const want = desired.scopes.find((s) => s.provider === change.key);
      return want ? [{ op: 'setSourceScopes', ...source, scopes: want.scopes }] : [];
    }
    case 'webhook':
      return webhookCalls(desired, change);
    case 'dataTypes':
    case 'dataFields':
    case 'processing':
    case 'widget':
      return dataCallsFor(desired, change);
  }
}

function credentialWrite(want: DesiredTerraState['credentials'][number]): CredentialWrite {
  const body: CredentialWrite = { clientId: want.clientId, clientSecret: want.clientSecret };
  if (want.redirectUrl !== undefined) body.redirectUrl = want.redirectUrl;
  if (want.verificationSecret) body.verificationSecret = want.verificationSecret;
  if (want.sandbox !== undefined) body.sandbox = want.sandbox;
  return body;
}

function webhookCalls(desired: DesiredTerraState, change: TerraChange): AdminCall[] {
  const want = desired.webhook;
  const id = change.destinationId;
  const old = change.fields.find((f) => f.name === 'url')?.from;
  const oldUrl = typeof old === 'string' ? old : change.key;
  if (change.action === 'delete') return id ? [{ op: 'deleteDestination', destinationId: id, url: oldUrl }] : [];
  if (!want) return [];
  if (change.action === 'update' && id) {
    const patch: AdminCall & { op: 'patchDestination' } = { op: 'patchDestination', destinationId: id, url: want.url };
    for (const field of change.fields) {
      if (field.name === 'active') patch.active = want.active;
      // A list to list change: back to "all" is a replacement, never a patch.
      if (field.name === 'event_types' && want.eventTypes) patch.eventTypes = want.eventTypes;
    }
    return [patch];
  }
  const create: AdminCall = { op: 'createDestination', url: want.url, active: want.active, storeSigningSecretAt: want.signingSecret };
  if (want.eventTypes) create.eventTypes = want.eventTypes;
  return change.action === 'replace' && id ? [create, { op: 'deleteDestination', destinationId: id, url: oldUrl }] : [create];
}
