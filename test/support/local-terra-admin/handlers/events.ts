import { envOf, type Handler } from '../context';
import { paginate } from '../pagination';
import { validationFailed } from '../problem';
import type { AdminWebhookEvent } from '../types';

/** listWebhookEvents: delivery history, newest first, with the spec's filters. */

function instant(name: string, raw: string | undefined, errors: string[]): number | undefined {
  if (raw === undefined) return undefined;
  const time = Date.parse(raw);
  if (Number.isNaN(time)) errors.push(`${name}: must be an ISO 8601 date-time`);
  return time;
}

const render = (e: AdminWebhookEvent) => ({
  event_id: e.eventId,
  sent_at: e.sentAt,
  data_type: e.dataType,
  provider: e.provider,
  destination_type: e.destinationType,
  http_status: e.httpStatus,
  response_time_ms: e.responseTimeMs,
  bytes: e.bytes,
  connection_id: e.connectionId,
});

export const eventHandlers: Record<string, Handler> = {
  listWebhookEvents: (ctx) => {
    const q = ctx.query;
    const errors: string[] = [];
    const since = instant('since', q.since, errors);
    const until = instant('until', q.until, errors);
    const limit = q.limit === undefined ? undefined : Number(q.limit);
    if (limit !== undefined && limit < 1) errors.push('limit: must be at least 1');
    if (errors.length > 0) throw validationFailed(errors);
    const delivered = (e: AdminWebhookEvent) => e.httpStatus >= 200 && e.httpStatus < 300;
    const matches = (e: AdminWebhookEvent) => {
      const at = Date.parse(e.sentAt);
      return (
        (since === undefined || at >= since) &&
        (until === undefined || at < until) &&
        (q.outcome === undefined || (q.outcome === 'delivered') === delivered(e)) &&
        (q.provider === undefined || e.provider.toLowerCase() === q.provider.toLowerCase()) &&
        (q.data_type === undefined || e.dataType === q.data_type) &&
        (q.user_id === undefined || e.userId === q.user_id) &&
        (q.reference_id === undefined || e.referenceId === q.reference_id) &&
        (q.event_id === undefined || e.eventId === q.event_id)
      );
    };
    const rows = envOf(ctx)
      .events.filter(matches)
      .sort((a, b) => Date.parse(b.sentAt) - Date.parse(a.sentAt) || a.eventId.localeCompare(b.eventId))
      .map(render);
    return { status: 200, body: paginate(ctx, rows, limit) };
  },
};
