import { TerraAdminClient } from '../../admin/client';
import type { EventRecord } from '../../admin/admin-types';
import { ADMIN_TOKEN_VARIABLE } from '../../admin/admin-token';
import { AdminError } from '../../admin/admin-error';
import { TerraCallError } from '../../http/terra-call-error';
import { safeUrl } from '../../http/url';
import type { SmokeCheck } from '../smoke-context';
import { pass, skip, warn } from './outcomes';

/** Events per page, and pages read at most: the count says "at least" beyond that. */
const PAGE_SIZE = 100;
const MAX_PAGES = 10;

/**
 * Failed deliveries to the environment's webhook in the last hours, from Terra's delivery history
 * (`listWebhookEvents` with `outcome=failed&since=...`, scope events:read). `EventRecord` names the
 * destination's type, not its URL, so every webhook destination of the dev-id counts. It never fails the
 * run: past failures are history, and the webhook.delivery check proves the receiver works now.
 */
export const recentDeliveries: SmokeCheck = {
  id: 'webhook.recent-deliveries',
  description: "Terra's delivery history (admin API, events:read): failed webhook deliveries in a recent window; warns above a threshold.",
  async run({ target, budget, redact }) {
    const history = target.deliveries;
    if (!target.webhookUrl) return skip(`no webhook configured (webhook.url in config/${target.environment}.yaml), so there are no deliveries to look at`);
    if (!history?.adminToken) return skip(`no admin token given (${ADMIN_TOKEN_VARIABLE}, scope events:read), so Terra's delivery history was not read`);
    if ('problem' in history.adminBaseUrl) return skip(`Terra's delivery history was not read: ${history.adminBaseUrl.problem}`);
    const since = new Date(Date.now() - history.windowHours * 3_600_000).toISOString();
    const client = new TerraAdminClient({
      baseUrl: history.adminBaseUrl.url,
      env: { [ADMIN_TOKEN_VARIABLE]: history.adminToken },
      readOnly: true,
      budgetMs: Math.max(1, budget.deadline - Date.now()),
    });
    let failed: { events: EventRecord[]; complete: boolean };
    try {
      failed = await failedWebhookDeliveries(client, target.devId, since);
    } catch (error) {
      return warn(`Terra's delivery history could not be read: ${describe(error)}`);
    }
    const window = `in the last ${history.windowHours} h (since ${since})`;
    const count = failed.events.length;
    if (count === 0) return pass(`no failed webhook deliveries ${window}`);
    const last = failed.events[0]!;
    const status = last.http_status === undefined || last.http_status === 0 ? 'no HTTP answer' : `HTTP ${last.http_status}`;
    const summary =
      `${failed.complete ? '' : 'at least '}${count} failed webhook deliver${count === 1 ? 'y' : 'ies'} ${window}; ` +
      `the last at ${last.sent_at ?? 'an unknown time'} got ${status}${last.data_type ? ` (${last.data_type}${last.provider ? ` from ${last.provider}` : ''})` : ''}`;
    if (count <= history.warnAbove) return pass(`${summary}; at most ${history.warnAbove} allowed`);
    return warn(
      redact(
        `${summary}; more than the ${history.warnAbove} allowed: check that the receiver at ${safeUrl(target.webhookUrl)} answers 2xx, then resend what it missed (POST /environments/{dev_id}/webhook-events/resend)`,
      ),
    );
  },
};

/** Failed webhook deliveries since `since`, newest first, walking at most MAX_PAGES pages. */
async function failedWebhookDeliveries(client: TerraAdminClient, devId: string, since: string): Promise<{ events: EventRecord[]; complete: boolean }> {
  const events: EventRecord[] = [];
  let cursor: string | undefined;
  for (let page = 1; page <= MAX_PAGES; page++) {
    const answer = await client.webhookEventsPage(devId, { outcome: 'failed', since, limit: PAGE_SIZE }, cursor);
    events.push(...answer.data.filter(isWebhook));
    if (!answer.has_more || !answer.next_cursor || answer.next_cursor === cursor) return { events: newestFirst(events), complete: true };
    cursor = answer.next_cursor;
  }
  return { events: newestFirst(events), complete: false };
}

/** Destinations of other types (S3, SQS, Supabase) are not the declared webhook. */
function isWebhook(event: EventRecord): boolean {
  return event.destination_type === undefined || event.destination_type.toLowerCase() === 'webhook';
}

function newestFirst(events: EventRecord[]): EventRecord[] {
  return [...events].sort((a, b) => Date.parse(b.sent_at ?? '') - Date.parse(a.sent_at ?? '') || 0);
}

function describe(error: unknown): string {
  if (error instanceof AdminError) return error.describe();
  if (error instanceof TerraCallError) return error.describe();
  return error instanceof Error ? error.message : String(error);
}
