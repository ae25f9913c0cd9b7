import type { SecretRef } from '../../model/secret-ref';

/**
 * The rotation triggers the last successful apply wrote (apply keeps them beside the stored signing secret).
 * Terra cannot hold them, so a trigger fires only against a recorded version: with none recorded, apply
 * records the declared one and rotates nothing (a first apply must not rotate a live secret).
 */
export interface AppliedVersions {
  signingSecretVersion?: number;
  /** By provider code as config/ spells it. */
  secretVersions?: Readonly<Record<string, number>>;
}

/** The value behind a secret reference when the caller has it (decrypted stack config, the environment). */
export type SecretLookup = (ref: SecretRef) => string | undefined;

/** How a declared trigger compares with what was recorded. */
export type TriggerState = { kind: 'none' } | { kind: 'unrecorded'; declared: number } | { kind: 'fired'; from: number; to: number };

export function triggerState(declared: number | undefined, recorded: number | undefined): TriggerState {
  if (declared === undefined) return { kind: 'none' };
  if (recorded === undefined) return { kind: 'unrecorded', declared };
  return recorded === declared ? { kind: 'none' } : { kind: 'fired', from: recorded, to: declared };
}
