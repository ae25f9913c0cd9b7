import type { CreateDestinationRequest, DestinationSummary, PatchDestinationRequest } from '../../terra/admin/admin-types';
import type { TerraChange, Unverifiable } from '../../terra/admin/changes';
import type { WebhookEventType } from '../../catalog/webhook-event-types';
import { diffWebhook } from '../../terra/admin/diff-webhook';
import { sameList, sameUrl, sortedUnique } from '../../terra/admin/normalize';
import {
  adminClient,
  changedKeys,
  commonOf,
  COMMON_UPDATE_KEYS,
  defined,
  desiredWith,
  INPUT_SECRET_REF,
  isNotFound,
  observedWith,
  TerraResourceError,
  type CommonInputs,
  type KindHandler,
} from './terra-kind-common';

export interface WebhookInputs extends CommonInputs {
  kind: 'webhook';
  url: string;
  active: boolean;
  /** Sorted and unique; left out subscribes to every event type. */
  eventTypes?: string[];
  /** A change replaces the destination, which rotates its signing secret. */
  signingSecretVersion?: number;
}

export interface WebhookOutputs extends CommonInputs {
  kind: 'webhook';
  destinationId: string;
  url: string;
  active: boolean;
  /** Null: every event type. */
  eventTypes: string[] | null;
  signingSecretVersion?: number;
  /** Returned once by createDestination; null for an adopted destination. A secret output. */
  signingSecret: string | null;
  /** Found in Terra with the same URL rather than created. */
  adopted: boolean;
}

/** The diff's field names as input keys. */
const INPUT_KEY: Record<string, string> = { url: 'url', active: 'active', event_types: 'eventTypes', signing_secret_version: 'signingSecretVersion' };

/** The environment's webhook destination. A new URL is a new destination (PATCH cannot change it). */
export const webhookKind: KindHandler<WebhookInputs, WebhookOutputs> = {
  diff(olds, news) {
    const changes: TerraChange[] = [];
    const unverifiable: Unverifiable[] = [];
    const want = defined({
      url: news.url,
      active: news.active,
      eventTypes: news.eventTypes as WebhookEventType[] | undefined,
      signingSecret: INPUT_SECRET_REF,
      signingSecretVersion: news.signingSecretVersion,
    });
    const seen = defined({ id: olds.destinationId, type: 'webhook', url: olds.url, active: olds.active, eventTypes: olds.eventTypes ?? undefined });
    diffWebhook(desiredWith(news, { webhook: want }), observedWith({ destinations: [seen] }), changes, unverifiable, { signingSecretVersion: olds.signingSecretVersion });
    const replaces = new Set(changedKeys<WebhookInputs>(olds as unknown as WebhookInputs, news, ['devId']));
    for (const change of changes.filter((c) => c.action === 'replace')) {
      for (const field of change.fields) replaces.add(INPUT_KEY[field.name] ?? field.name);
    }
    const updated = changes.some((c) => c.action === 'update') || changedKeys<WebhookInputs>(olds as unknown as WebhookInputs, news, [...COMMON_UPDATE_KEYS]).length > 0;
    // A rotation at the same URL must delete first, or create would adopt the old destination by its URL.
    const deleteBeforeReplace = replaces.size > 0 && sameUrl(olds.url, news.url);
    return { changes: replaces.size > 0 || updated, replaces: [...replaces], deleteBeforeReplace };
  },
  async create(inputs) {
    const client = adminClient(inputs.adminBaseUrl);
    const existing = (await client.listDestinations(inputs.devId)).find((d) => d.type.toLowerCase() === 'webhook' && sameUrl(d.url, inputs.url));
    if (existing) {
      const live = needsPatch(existing, inputs) ? await client.patchDestination(inputs.devId, existing.id, patchOf(inputs)) : existing;
      return { id: existing.id, outs: outputsOf(inputs, live, null, true) };
    }
    const request: CreateDestinationRequest = defined({ type: 'webhook', url: inputs.url, active: inputs.active, event_types: inputs.eventTypes });
    const created = await client.createDestination(inputs.devId, request);
    const { signing_secret: secret, ...summary } = created;
    if (!secret) {
      // The destination exists: the id keeps it in Pulumi's state, so it is never lost track of.
      throw new TerraResourceError(
        `${inputs.environment}: Terra created webhook destination ${created.id} but returned no signing_secret; ` +
          'set the secret at webhook.signingSecret from Terra\'s dashboard, or bump webhook.signingSecretVersion to create a new destination',
        { id: created.id, properties: outputsOf(inputs, summary, null, false) as unknown as Record<string, unknown> },
      );
    }
    return { id: created.id, outs: outputsOf(inputs, summary, secret, false) };
  },
  async read(id, props) {
    const live = (await adminClient(props.adminBaseUrl).listDestinations(props.devId)).find((d) => d.id === id);
    // Gone from Terra: an empty answer drops it from the state, and the next `up` creates it.
    if (!live) return {};
    return { id, props: outputsOf(props as unknown as WebhookInputs, live, props.signingSecret, props.adopted) };
  },
  async update(id, olds, news) {
    const live = await adminClient(news.adminBaseUrl).patchDestination(news.devId, id, patchOf(news));
    return { outs: outputsOf(news, live, olds.signingSecret ?? null, olds.adopted === true) };
  },
  async delete(id, props) {
    try {
      await adminClient(props.adminBaseUrl).deleteDestination(props.devId, id);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  },
};

function patchOf(inputs: WebhookInputs): PatchDestinationRequest {
  return defined({ active: inputs.active, event_types: inputs.eventTypes });
}

function needsPatch(live: DestinationSummary, inputs: WebhookInputs): boolean {
  const have = live.event_types && live.event_types.length > 0 ? sortedUnique(live.event_types) : undefined;
  const types = inputs.eventTypes !== undefined && (have === undefined || !sameList(have, sortedUnique(inputs.eventTypes)));
  return live.active !== inputs.active || types;
}

function outputsOf(inputs: WebhookInputs, live: DestinationSummary, signingSecret: string | null, adopted: boolean): WebhookOutputs {
  return defined({
    ...commonOf(inputs),
    kind: 'webhook' as const,
    destinationId: live.id,
    url: live.url,
    active: live.active,
    eventTypes: live.event_types && live.event_types.length > 0 ? sortedUnique(live.event_types) : null,
    signingSecretVersion: inputs.signingSecretVersion,
    signingSecret,
    adopted,
  });
}
