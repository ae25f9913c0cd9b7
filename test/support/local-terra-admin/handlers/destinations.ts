import { envOf, type Handler, type RequestContext } from '../context';
import { paginate } from '../pagination';
import { AdminProblem, notFound, validationFailed } from '../problem';
import { DEFAULT_EVENT_TYPES } from '../state';
import type { AdminDestinationState } from '../types';

/** Destinations: list, create (the signing secret is shown once), patch, delete. */

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** `DestinationSummary`; never the signing secret. `event_types` is left out when the destination takes everything. */
export function summaryOf(d: AdminDestinationState): Record<string, unknown> {
  return { id: d.id, type: d.type, url: d.url, active: d.active, ...(d.eventTypes === null ? {} : { event_types: [...d.eventTypes] }) };
}

function eventTypeErrors(ctx: RequestContext, eventTypes: readonly string[] | undefined): string[] {
  const known = new Set<string>(ctx.server.options.eventTypes ?? DEFAULT_EVENT_TYPES);
  return (eventTypes ?? []).flatMap((t, i) => (known.has(t) ? [] : [`event_types[${i}]: unknown event type ${JSON.stringify(t)}`]));
}

function urlErrors(type: string, url: string): string[] {
  if (type !== 'webhook') return [];
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'https:' || (parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname))) return [];
    return ['url: must be an https URL'];
  } catch {
    return ['url: must be an absolute URL'];
  }
}

function find(ctx: RequestContext): AdminDestinationState {
  const found = envOf(ctx).destinations.find((d) => d.id === ctx.params.destination_id);
  if (!found) throw notFound('destination not found');
  return found;
}

const dryRun = (would: string, preview: Record<string, unknown>) => ({ status: 200, body: { dry_run: true, would, preview } });

export const destinationHandlers: Record<string, Handler> = {
  listDestinations: (ctx) => ({ status: 200, body: paginate(ctx, envOf(ctx).destinations.map(summaryOf)) }),

  createDestination: (ctx) => {
    const env = envOf(ctx);
    const request = ctx.body as { type?: string; url: string; event_types?: string[]; active?: boolean; metadata?: string };
    const type = request.type ?? 'webhook';
    const errors = [...urlErrors(type, request.url), ...eventTypeErrors(ctx, request.event_types)];
    if (errors.length > 0) throw validationFailed(errors);
    const duplicateConflict = ctx.server.faults().duplicateUrlConflict || ctx.server.options.duplicateUrl === 'conflict';
    if (duplicateConflict && env.destinations.some((d) => d.url === request.url)) {
      // createDestination declares no 409; whether Terra allows two destinations on one URL is not published.
      throw new AdminProblem(409, 'conflict', 'a destination with this url already exists', {
        remediation: 'Reuse the existing destination (GET …/unified-api/destinations) or delete it first.',
      });
    }
    if (ctx.dryRun) return dryRun('create', { type, url: request.url });
    const created: AdminDestinationState = {
      id: ctx.server.gen.id(),
      type,
      url: request.url,
      active: request.active ?? true,
      // "omitted = everything"
      eventTypes: request.event_types ? [...request.event_types] : null,
      ...(request.metadata === undefined ? {} : { metadata: request.metadata }),
      signingSecret: ctx.server.gen.secret('signing-secret'),
    };
    env.destinations.push(created);
    // The 201 example carries `signing_secret` ("shown-once"); DestinationSummary itself does not name it.
    const shown = ctx.server.faults().noSigningSecret ? {} : { signing_secret: created.signingSecret };
    return { status: 201, body: { ...summaryOf(created), ...shown } };
  },

  patchDestination: (ctx) => {
    const target = find(ctx);
    const request = ctx.body as { active?: boolean; event_types?: string[] };
    const errors = eventTypeErrors(ctx, request.event_types);
    if (errors.length > 0) throw validationFailed(errors);
    if (ctx.dryRun) return dryRun('update', { id: target.id, ...request });
    if (request.active !== undefined) target.active = request.active;
    if (request.event_types !== undefined) target.eventTypes = [...request.event_types];
    return { status: 200, body: summaryOf(target) };
  },

  deleteDestination: (ctx) => {
    const target = find(ctx);
    if (ctx.dryRun) return dryRun('delete', { id: target.id, type: target.type, url: target.url });
    const env = envOf(ctx);
    env.destinations = env.destinations.filter((d) => d !== target);
    return { status: 204 };
  },
};
