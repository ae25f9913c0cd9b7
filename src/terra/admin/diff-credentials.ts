import { triggerState, type AppliedVersions, type SecretLookup } from './applied-versions';
import { CHANGED_MARK, SECRET_MARK, type FieldChange, type NotAppliable, type TerraChange, type Unverifiable } from './changes';
import type { DesiredCredentials, DesiredTerraState } from './desired';
import { catalogCodeOf, maskSuffix, sameCode } from './normalize';
import { unreadReason, type ObservedCredentials, type ObservedTerraState } from './observed';

const UNREADABLE =
  'redirect_url, sandbox and verification_secret cannot be read back from Terra: apply writes the declared values ' +
  '(and clears undeclared ones) whenever it writes these credentials; bump dedicatedKeys.secretVersion to force a write';

export interface CredentialsDiff {
  changes: TerraChange[];
  unverifiable: Unverifiable[];
  notAppliable: NotAppliable[];
}

/**
 * Declared dedicated keys against `getSourceCredentials`. The secret is write-only: only its mask's last
 * characters can prove it differs, and only when the declared value is at hand.
 */
export function diffCredentials(
  desired: DesiredTerraState,
  observed: ObservedTerraState,
  out: CredentialsDiff,
  secrets: SecretLookup | undefined,
  applied: AppliedVersions | undefined,
): void {
  for (const want of desired.credentials) {
    const live = observed.credentials.find((c) => sameCode(c.provider, want.adminCode));
    const unread = unreadReason(observed, 'credentials', want.provider) ?? unreadReason(observed, 'credentials', want.adminCode);
    if (unread !== undefined || !live) {
      out.unverifiable.push({ object: 'credentials', key: want.provider, reason: unread ?? 'not read from Terra' });
      continue;
    }
    const note = (reason: string, field?: string) =>
      out.unverifiable.push(field ? { object: 'credentials', key: want.provider, field, reason } : { object: 'credentials', key: want.provider, reason });
    const fields = isCustom(live) ? updatedFields(want, live, secrets, applied, note) : createdFields(want);
    if (fields.length > 0) {
      out.changes.push({ object: 'credentials', key: want.provider, action: isCustom(live) ? 'update' : 'create', fields, adminCode: want.adminCode });
    }
    note(UNREADABLE);
  }
  for (const live of observed.credentials) {
    if (!isCustom(live) || desired.credentials.some((c) => sameCode(c.adminCode, live.provider))) continue;
    const code = catalogCodeOf(live.provider) ?? live.provider;
    if (!desired.sources.some((s) => s.enabled && sameCode(s.adminCode, live.provider))) continue;
    out.notAppliable.push({
      path: `providers.${code}.dedicatedKeys`,
      reason: `Terra holds dedicated keys (client id ${live.clientId}) that config/ does not declare; the admin API cannot return a provider to Terra's keys (no DELETE on credentials): declare them, or reset them in Terra's dashboard`,
    });
  }
}

/** Terra holds the customer's own keys (not its own, and not none). */
function isCustom(live: ObservedCredentials): live is ObservedCredentials & { clientId: string } {
  return live.hasCredentials && live.terraOwned !== true && live.clientId !== undefined;
}

function createdFields(want: DesiredCredentials): FieldChange[] {
  return [
    { name: 'client_id', from: null, to: want.clientId },
    { name: 'client_secret', from: null, to: SECRET_MARK },
  ];
}

function updatedFields(
  want: DesiredCredentials,
  live: ObservedCredentials & { clientId: string },
  secrets: SecretLookup | undefined,
  applied: AppliedVersions | undefined,
  note: (reason: string, field?: string) => void,
): FieldChange[] {
  const fields: FieldChange[] = [];
  if (live.clientId !== want.clientId) fields.push({ name: 'client_id', from: live.clientId, to: want.clientId });
  const value = secrets?.(want.clientSecret);
  const shown = maskSuffix(live.secretMask);
  if (value === undefined) note('client secret not compared: its declared value is not available here', 'client_secret');
  else if (shown === undefined) note('client secret not compared: Terra\'s mask shows none of its characters', 'client_secret');
  else if (!value.endsWith(shown)) fields.push({ name: 'client_secret', from: SECRET_MARK, to: CHANGED_MARK });
  else note('client secret\'s last characters match Terra\'s mask: not proven different', 'client_secret');
  const trigger = triggerState(want.secretVersion, applied?.secretVersions?.[want.provider]);
  if (trigger.kind === 'fired') fields.push({ name: 'secret_version', from: trigger.from, to: trigger.to });
  if (trigger.kind === 'unrecorded') {
    note(`secretVersion ${trigger.declared} has not been recorded by an apply yet: apply records it and rewrites nothing for it`, 'secret_version');
  }
  return fields;
}
