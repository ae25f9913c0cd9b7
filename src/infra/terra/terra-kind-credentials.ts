import type { ProviderCredentialWrite, ProviderCredentials } from '../../terra/admin/admin-types';
import { diffCredentials, type CredentialsDiff } from '../../terra/admin/diff-credentials';
import { newSalt, secretHash } from './secret-hash';
import {
  adminClient,
  changedKeys,
  commonOf,
  COMMON_UPDATE_KEYS,
  defined,
  desiredWith,
  INPUT_SECRET_REF,
  observedWith,
  TerraResourceError,
  type CommonInputs,
  type KindHandler,
} from './terra-kind-common';

export interface CredentialsInputs extends CommonInputs {
  kind: 'credentials';
  provider: string;
  adminCode: string;
  clientId: string;
  /** Write-only in Terra; a Pulumi secret input, never echoed into outputs. */
  clientSecret: string;
  redirectUrl?: string;
  verificationSecret?: string;
  sandbox?: boolean;
  /** A change forces a write. */
  secretVersion?: number;
}

export interface CredentialsOutputs extends CommonInputs {
  kind: 'credentials';
  provider: string;
  adminCode: string;
  /** Live `provider_client_id`. */
  clientId: string;
  /** Echoed from the last write: Terra never shows them. */
  redirectUrl?: string;
  sandbox?: boolean;
  secretVersion?: number;
  hasCredentials: boolean;
  terraOwned: boolean;
  /** Secret outputs (additionalSecretOutputs). */
  clientSecretMasked: string | null;
  hashSalt: string;
  clientSecretHash: string | null;
  verificationSecretHash: string | null;
  /** What the last refresh found changed in Terra. */
  drift: { clientId: boolean; secret: boolean; removed: boolean };
  writtenAt: string;
}

/** Dedicated keys (`setSourceCredentials`, a full replace). There is no API to delete them: delete keeps them. */
export const credentialsKind: KindHandler<CredentialsInputs, CredentialsOutputs> = {
  diff(olds, news) {
    const replaces = changedKeys<CredentialsInputs>(olds as unknown as CredentialsInputs, news, ['devId', 'adminCode']);
    const salt = olds.hashSalt ?? '';
    const secretChanged = secretHash(salt, news.clientSecret) !== olds.clientSecretHash || secretHash(salt, news.verificationSecret) !== (olds.verificationSecretHash ?? null);
    const drifted = olds.drift !== undefined && (olds.drift.clientId || olds.drift.secret || olds.drift.removed);
    const updated =
      secretChanged ||
      drifted ||
      olds.hasCredentials === false ||
      olds.terraOwned === true ||
      changedKeys<CredentialsInputs>(olds as unknown as CredentialsInputs, news, [...COMMON_UPDATE_KEYS, 'provider', 'clientId', 'redirectUrl', 'sandbox', 'secretVersion']).length > 0 ||
      sharedDiff(olds, news).changes.length > 0;
    return { changes: replaces.length > 0 || updated, replaces };
  },
  async create(inputs) {
    const outs = await write(inputs, newSalt());
    return { id: `${inputs.devId}/sources/${inputs.adminCode}/credentials`, outs };
  },
  async read(id, props) {
    const live = await adminClient(props.adminBaseUrl).getSourceCredentials(props.devId, props.adminCode);
    const liveId = live.credential?.provider_client_id;
    const liveMask = live.credential?.provider_client_secret_masked ?? null;
    const drift = {
      clientId: liveId !== props.clientId,
      secret: liveMask !== props.clientSecretMasked,
      removed: !live.has_credentials || live.terra_owned === true,
    };
    // Props only: `read` never sees clientSecret, so it cannot return inputs.
    return { id, props: defined({ ...props, clientId: liveId ?? props.clientId, hasCredentials: live.has_credentials, terraOwned: live.terra_owned === true, drift }) };
  },
  async update(_id, olds, news) {
    return { outs: await write(news, olds.hashSalt ?? newSalt()) };
  },
  async delete() {
    // No admin API removes credentials (the program sets retainOnDelete, so the preview says they are kept).
  },
};

/** The drift comparison (client id, the mask's last characters, secretVersion) against what the state last saw. */
function sharedDiff(olds: CredentialsOutputs, news: CredentialsInputs): CredentialsDiff {
  const out: CredentialsDiff = { changes: [], unverifiable: [], notAppliable: [] };
  const want = defined({ provider: news.provider, adminCode: news.adminCode, clientId: news.clientId, clientSecret: INPUT_SECRET_REF, secretVersion: news.secretVersion });
  const seen = defined({
    provider: olds.adminCode,
    hasCredentials: olds.hasCredentials !== false,
    terraOwned: olds.terraOwned,
    clientId: olds.clientId,
    secretMask: olds.clientSecretMasked ?? undefined,
  });
  const recorded = olds.secretVersion === undefined ? {} : { [news.provider]: olds.secretVersion };
  diffCredentials(desiredWith(news, { credentials: [want] }), observedWith({ credentials: [seen] }), out, () => news.clientSecret, { secretVersions: recorded });
  return out;
}

async function write(inputs: CredentialsInputs, salt: string): Promise<CredentialsOutputs> {
  const body: ProviderCredentialWrite = defined({
    client_id: inputs.clientId,
    client_secret: inputs.clientSecret,
    redirect_url: inputs.redirectUrl,
    verification_secret: inputs.verificationSecret,
    sandbox: inputs.sandbox,
  });
  let answer: ProviderCredentials;
  try {
    answer = await adminClient(inputs.adminBaseUrl).setSourceCredentials(inputs.devId, inputs.adminCode, body);
  } catch (error) {
    const e = error as { status?: number; problem?: { code?: string } };
    if (e.status === 422 && e.problem?.code === 'unsupported_operation') {
      throw new TerraResourceError(
        `${inputs.environment}: ${inputs.provider} does not support custom credentials in Terra (admin API 422 unsupported_operation); remove providers.${inputs.provider}.dedicatedKeys`,
      );
    }
    throw error;
  }
  return defined({
    ...commonOf(inputs),
    kind: 'credentials' as const,
    provider: inputs.provider,
    adminCode: inputs.adminCode,
    clientId: answer.credential?.provider_client_id ?? inputs.clientId,
    redirectUrl: inputs.redirectUrl,
    sandbox: inputs.sandbox,
    secretVersion: inputs.secretVersion,
    hasCredentials: answer.has_credentials,
    terraOwned: answer.terra_owned === true,
    clientSecretMasked: answer.credential?.provider_client_secret_masked ?? null,
    hashSalt: salt,
    clientSecretHash: secretHash(salt, inputs.clientSecret),
    verificationSecretHash: secretHash(salt, inputs.verificationSecret),
    drift: { clientId: false, secret: false, removed: false },
    writtenAt: new Date().toISOString(),
  });
}
