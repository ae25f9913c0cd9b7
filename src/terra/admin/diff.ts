import type { AppliedVersions, SecretLookup } from './applied-versions';
import type { TerraDiff } from './changes';
import type { DesiredTerraState } from './desired';
import { diffCredentials } from './diff-credentials';
import { diffDataFields, diffDataTypes, diffProcessing, diffWidget } from './diff-data';
import { diffScopes, diffSources } from './diff-sources';
import { diffWebhook } from './diff-webhook';
import type { ObservedTerraState } from './observed';

/**
 * What differs between the declaration and Terra, and what cannot be told. Pure: `secrets` (reference to
 * value) only sharpens the client-secret check, and no value or mask ever reaches the result.
 */
export function diffTerraState(
  desired: DesiredTerraState,
  observed: ObservedTerraState,
  secrets?: SecretLookup,
  applied?: AppliedVersions,
): TerraDiff {
  const out: Omit<TerraDiff, 'inSync'> = { changes: [], unverifiable: [], notAppliable: [...desired.notAppliable] };
  diffSources(desired, observed, out.changes, out.unverifiable);
  diffCredentials(desired, observed, out, secrets, applied);
  diffScopes(desired, observed, out.changes, out.unverifiable);
  diffWebhook(desired, observed, out.changes, out.unverifiable, applied);
  diffDataTypes(desired, observed, out.changes, out.unverifiable);
  diffDataFields(desired, observed, out.changes, out.unverifiable);
  diffProcessing(desired, observed, out.changes, out.unverifiable);
  diffWidget(desired, observed, out.changes, out.unverifiable);
  return { inSync: out.changes.length === 0, ...out };
}
