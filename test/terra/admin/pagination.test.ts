import { afterEach, describe, expect, it } from 'vitest';
import { collectPages } from '../../../src/terra/admin/paginate';
import { DEV_ID, adminClient, json, rejection, startAdminServer, type AdminTestServer } from './admin-test-server';

let s: AdminTestServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const env = `/environments/${DEV_ID}`;

describe('pagination over {data, has_more, next_cursor}', () => {
  it('walks the cursor to the end and keeps the filters on every page', async () => {
    const pages: Record<string, unknown> = {
      '': { data: [{ event_id: 'e1' }, { event_id: 'e2' }], has_more: true, next_cursor: 'c1' },
      c1: { data: [{ event_id: 'e3' }], has_more: true, next_cursor: 'c2' },
      c2: { data: [{ event_id: 'e4' }], has_more: false, next_cursor: null },
    };
    s = await startAdminServer({ [`GET ${env}/webhook-events`]: (h, res) => json(res, 200, pages[h.query.get('cursor') ?? '']) });
    const { client } = adminClient(s.baseUrl);
    const events = await client.listWebhookEvents(DEV_ID, { outcome: 'failed', limit: 2 });
    expect(events.map((e) => e.event_id)).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect(s.hits.map((h) => h.query.toString())).toEqual(['outcome=failed&limit=2', 'outcome=failed&limit=2&cursor=c1', 'outcome=failed&limit=2&cursor=c2']);
  });

  it('refuses has_more without a cursor', async () => {
    s = await startAdminServer({ [`GET ${env}/unified-api/sources`]: (_h, res) => json(res, 200, { data: [{ provider: 'garmin', active: true }], has_more: true, next_cursor: null }) });
    const { client } = adminClient(s.baseUrl);
    const error = await rejection(client.listSources(DEV_ID));
    expect(error).toMatchObject({ kind: 'truncated' });
    expect(error.message).toBe(`listSources for dev-id ${DEV_ID} cannot be read completely: page 1 says more items follow (has_more) but gives no next_cursor; terra-iac will not act on a partial list`);
  });

  it('refuses a cursor that repeats (a server ignoring `cursor` would loop)', async () => {
    s = await startAdminServer({ [`GET ${env}/unified-api/destinations`]: (_h, res) => json(res, 200, { data: [], has_more: true, next_cursor: 'same' }) });
    const { client } = adminClient(s.baseUrl);
    const error = await rejection(client.listDestinations(DEV_ID));
    expect(error.message).toContain('page 2 repeats a cursor it gave before');
    expect(s.hits).toHaveLength(2);
  });

  it('stops at the page cap', async () => {
    let n = 0;
    const error = await rejection(collectPages('listUsers', async () => ({ data: [n], has_more: true, next_cursor: `c${n++}` }), 3));
    expect(error.message).toBe('listUsers cannot be read completely: the list goes on past 3 pages; terra-iac will not act on a partial list');
    expect(n).toBe(3);
  });

  it('refuses a body that is not a page', async () => {
    s = await startAdminServer({ [`GET ${env}/unified-api/processing`]: (_h, res) => json(res, 200, { data: [], has_more: 'no', next_cursor: null }) });
    const { client } = adminClient(s.baseUrl);
    await expect(client.listProcessing(DEV_ID)).rejects.toMatchObject({ kind: 'malformed', message: expect.stringContaining('`has_more` is not true or false') });
  });
});
