import { fullStackKey } from '../../model/secret-refs';
import type { SecretRef } from '../../model/secret-ref';
import type { AppliedVersions, SecretLookup } from './applied-versions';

/**
 * Where apply records the rotation triggers it last applied: a plain (non-secret) stack config value, JSON
 * `{"signingSecretVersion": 2, "secretVersions": {"STRAVA": 1}}`, in the same Pulumi.<env>.yaml as the
 * signing secret it stores. Terra itself cannot hold them.
 */
/** The part of a stack's program config (infra/plan `programConfig`) the lookups read. */
export interface StackConfigValues {
  /** `<namespace>:<key>` -> value, secure values decrypted (or placeholders). */
  values: Readonly<Record<string, string>>;
  secretKeys: readonly string[];
  secrets: 'decrypted' | 'placeholders' | 'none';
}

export const APPLIED_VERSIONS_KEY = 'terra-iac:appliedVersions';

/**
 * Secret values as the Pulumi program resolves them (src/infra/secret-values.ts): `fromStackConfig` from the
 * decrypted stack config, `fromEnv` from the environment. A value the config could not decrypt (no
 * passphrase: a placeholder) counts as absent, never as the value.
 */
export function secretLookup(config: StackConfigValues, env: Readonly<Record<string, string | undefined>>): SecretLookup {
  return (ref: SecretRef) => {
    if ('fromEnv' in ref) return env[ref.fromEnv] || undefined;
    const key = fullStackKey(ref.fromStackConfig);
    if (config.secrets !== 'decrypted' || !config.secretKeys.includes(key)) return undefined;
    return config.values[key] || undefined;
  };
}

/** Where a reference is kept, for messages (never its value). */
export function describeRef(ref: SecretRef): string {
  return 'fromEnv' in ref ? `the environment variable ${ref.fromEnv}` : `stack config ${fullStackKey(ref.fromStackConfig)}`;
}

/** The recorded versions, or none when the value is absent or not the JSON apply writes. */
export function readAppliedVersions(config: StackConfigValues): AppliedVersions {
  const text = config.values[APPLIED_VERSIONS_KEY];
  if (!text) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {};
  }
  if (parsed === null || typeof parsed !== 'object') return {};
  const raw = parsed as Record<string, unknown>;
  const out: AppliedVersions = {};
  if (typeof raw.signingSecretVersion === 'number') out.signingSecretVersion = raw.signingSecretVersion;
  if (raw.secretVersions && typeof raw.secretVersions === 'object') {
    const versions = Object.entries(raw.secretVersions as Record<string, unknown>).filter((e): e is [string, number] => typeof e[1] === 'number');
    out.secretVersions = Object.fromEntries(versions);
  }
  return out;
}
