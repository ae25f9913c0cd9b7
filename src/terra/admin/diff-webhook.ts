import { triggerState, type AppliedVersions } from './applied-versions';
import { ALL_EVENT_TYPES_MARK, type FieldChange, type FieldValue, type TerraChange, type Unverifiable } from './changes';
import type { DesiredTerraState, DesiredWebhook } from './desired';
import { sameList, sameUrl, sortedUnique } from './normalize';
import { unreadReason, type ObservedDestination, type ObservedTerraState } from './observed';

const SIGNING_SECRET_UNREADABLE =
  'Terra returns a destination\'s signing secret only when it creates it: the value at webhook.signingSecret cannot be compared';

/**
 * The declared webhook against Terra's webhook destinations (other destination types are left alone). The
 * URL cannot be patched, so a new URL is a new destination (with a new signing secret); every other webhook
 * destination is undeclared and deleted.
 */
export function diffWebhook(
  desired: DesiredTerraState,
  observed: ObservedTerraState,
  changes: TerraChange[],
  unverifiable: Unverifiable[],
  applied: AppliedVersions | undefined,
): void {
  const want = desired.webhook;
  const unread = unreadReason(observed, 'webhook', '*') ?? (want ? unreadReason(observed, 'webhook', want.url) : undefined);
  if (unread !== undefined) {
    unverifiable.push({ object: 'webhook', key: want?.url ?? '*', reason: unread });
    return;
  }
  const hooks = observed.destinations.filter((d) => d.type.toLowerCase() === 'webhook').sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  const match = want ? hooks.find((d) => sameUrl(d.url, want.url)) : undefined;
  const others = hooks.filter((d) => d !== match);
  if (want && match) changes.push(...compare(want, match, applied, unverifiable));
  else if (want && others.length === 0) changes.push({ object: 'webhook', key: want.url, action: 'create', fields: createdFields(want) });
  else if (want) {
    const old = others.shift()!;
    changes.push({
      object: 'webhook',
      key: want.url,
      action: 'replace',
      fields: [{ name: 'url', from: old.url, to: want.url }, ...settingFields(want, old)],
      destinationId: old.id,
    });
  }
  for (const extra of others) {
    changes.push({ object: 'webhook', key: extra.url, action: 'delete', fields: [{ name: 'url', from: extra.url, to: null }], destinationId: extra.id });
  }
}

function compare(want: DesiredWebhook, live: ObservedDestination, applied: AppliedVersions | undefined, unverifiable: Unverifiable[]): TerraChange[] {
  unverifiable.push({ object: 'webhook', key: want.url, field: 'signing_secret', reason: SIGNING_SECRET_UNREADABLE });
  const fields = settingFields(want, live);
  const trigger = triggerState(want.signingSecretVersion, applied?.signingSecretVersion);
  if (trigger.kind === 'unrecorded') {
    unverifiable.push({
      object: 'webhook',
      key: want.url,
      field: 'signing_secret_version',
      reason: `signingSecretVersion ${trigger.declared} has not been recorded by an apply yet: apply records it and rotates nothing`,
    });
  }
  // PATCH can say "these event types" but the way back to "all" is not documented, so that one is a new destination.
  const toAll = want.eventTypes === undefined && liveEventTypes(live) !== undefined;
  if (trigger.kind === 'fired' || toAll) {
    const rotation: FieldChange[] = trigger.kind === 'fired' ? [{ name: 'signing_secret_version', from: trigger.from, to: trigger.to }] : [];
    return [{ object: 'webhook', key: want.url, action: 'replace', fields: [...rotation, ...fields], destinationId: live.id }];
  }
  return fields.length > 0 ? [{ object: 'webhook', key: want.url, action: 'update', fields, destinationId: live.id }] : [];
}

/** `active` and `event_types` where they differ. */
function settingFields(want: DesiredWebhook, live: ObservedDestination): FieldChange[] {
  const fields: FieldChange[] = [];
  if (live.active !== want.active) fields.push({ name: 'active', from: live.active, to: want.active });
  const have = liveEventTypes(live);
  if (!sameEventTypes(have, want.eventTypes)) fields.push({ name: 'event_types', from: shown(have), to: shown(want.eventTypes) });
  return fields;
}

function createdFields(want: DesiredWebhook): FieldChange[] {
  return [
    { name: 'url', from: null, to: want.url },
    { name: 'active', from: null, to: want.active },
    { name: 'event_types', from: null, to: shown(want.eventTypes) },
  ];
}

/** Sorted and unique, or undefined for "every type" (left out or empty: lenient, as the listing is UNCONFIRMED). */
function liveEventTypes(live: ObservedDestination): string[] | undefined {
  return live.eventTypes && live.eventTypes.length > 0 ? sortedUnique(live.eventTypes) : undefined;
}

function sameEventTypes(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return a === undefined || b === undefined ? a === b : sameList(a, b);
}

function shown(eventTypes: readonly string[] | undefined): FieldValue {
  return eventTypes ?? ALL_EVENT_TYPES_MARK;
}
