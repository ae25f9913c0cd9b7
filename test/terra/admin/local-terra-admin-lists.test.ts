import { afterEach, describe, expect, it } from 'vitest';
import type { AdminWebhookEvent } from '../../support/local-terra-admin';
import { DEV_ID, call, closeAdmin, envPath, startAdmin } from './admin-helpers';

/** Dry run, lists (paging, cursor-ignored, Terra-Notice, webhook events) and out-of-band edits. */

afterEach(closeAdmin);

const SOURCES = envPath('/unified-api/sources');
const DESTINATIONS = envPath('/unified-api/destinations');
const DATA_SCOPES = envPath('/unified-api/scopes');
const ALL = ['providers:read', 'providers:write', 'destinations:read', 'destinations:write', 'dataconfig:read', 'dataconfig:write', 'events:read'];

describe('dry run', () => {
  it('disableSource, deleteDestination, patchUnifiedApiScopes and setProcessing preview and change nothing', async () => {
    const admin = await startAdmin({
      seed: { environments: { [DEV_ID]: { sources: ['garmin'], destinations: [{ id: '1937255512398764032', url: 'https://acme.example/hook' }], dataTypes: ['ACTIVITY'] } } },
    });
    const token = admin.issueToken({ scopes: ALL });
    const before = admin.state(DEV_ID);
    const previews = [
      await call(admin, 'DELETE', `${SOURCES}/garmin?dry_run=true`, { token }),
      await call(admin, 'DELETE', `${DESTINATIONS}/1937255512398764032?dry_run=true`, { token }),
      await call(admin, 'PATCH', `${DATA_SCOPES}?dry_run=true`, { token, body: { data_type: 'activity', fields: ['steps'] } }),
      await call(admin, 'PATCH', `${envPath('/unified-api/processing')}?dry_run=true`, { token, body: { type: 'fit' } }),
    ];
    expect(previews.map((r) => [r.status, r.json.dry_run, r.json.would])).toEqual([
      [200, true, 'disable'],
      [200, true, 'delete'],
      [200, true, 'replace_fields'],
      [200, true, 'set_processing'],
    ]);
    expect(previews[1]!.json.preview).toEqual({ id: '1937255512398764032', type: 'webhook', url: 'https://acme.example/hook' });
    expect(admin.state(DEV_ID)).toEqual(before);
    expect((await call(admin, 'DELETE', `${SOURCES}/garmin`, { token })).status).toBe(204);
    expect(admin.state(DEV_ID).sources.garmin).toEqual({ active: false });
  });

  it('dry_run on an operation that does not declare it is ignored (the change is made), unless all-mutations', async () => {
    const declared = await startAdmin();
    await call(declared, 'PUT', `${SOURCES}/garmin?dry_run=true`, { token: declared.issueToken({ scopes: ALL }) });
    expect(declared.state(DEV_ID).sources).toEqual({ garmin: { active: true } });
    await closeAdmin();
    const all = await startAdmin({ dryRun: 'all-mutations' });
    const res = await call(all, 'POST', `${DESTINATIONS}?dry_run=true`, { token: all.issueToken({ scopes: ALL }), body: { url: 'https://acme.example/hook' } });
    expect([res.status, res.json.would]).toEqual([200, 'create']);
    expect(all.state(DEV_ID).destinations).toEqual([]);
  });
});

describe('lists', () => {
  const five = ['fitbit', 'garmin', 'oura', 'polar', 'strava'];

  it('pages with has_more and next_cursor, and following the cursor yields every item once', async () => {
    const admin = await startAdmin({ pageSize: 2, seed: { environments: { [DEV_ID]: { sources: five } } } });
    const token = admin.issueToken({ scopes: ALL });
    const seen: string[] = [];
    const pages: Array<[boolean, boolean]> = [];
    let cursor: string | null = null;
    do {
      const res = await call(admin, 'GET', `${SOURCES}${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`, { token });
      seen.push(...res.json.data.map((s: { provider: string }) => s.provider));
      pages.push([res.json.has_more, res.json.next_cursor !== null]);
      cursor = res.json.next_cursor;
    } while (cursor);
    expect(seen).toEqual(five);
    expect(pages).toEqual([[true, true], [true, true], [false, false]]);
  });

  it('the cursor-ignored fault repeats page 1 with has_more still true', async () => {
    const admin = await startAdmin({ seed: { environments: { [DEV_ID]: { sources: five } } }, faults: { pageSize: 2, cursorIgnored: true } });
    const token = admin.issueToken({ scopes: ALL });
    const first = await call(admin, 'GET', SOURCES, { token });
    const second = await call(admin, 'GET', `${SOURCES}?cursor=${encodeURIComponent(first.json.next_cursor)}`, { token });
    expect(second.json).toEqual(first.json);
    expect(second.json.has_more).toBe(true);
  });

  it('listSources carries the Terra-Notice header', async () => {
    const admin = await startAdmin();
    const res = await call(admin, 'GET', SOURCES, { token: admin.issueToken({ scopes: ALL }) });
    expect(res.headers.get('terra-notice')).toContain('LAB_REPORTS');
  });

  it('listWebhookEvents filters by outcome and since, newest first, and pages by limit', async () => {
    const event = (id: string, sentAt: string, httpStatus: number): AdminWebhookEvent => ({
      eventId: id, sentAt, dataType: 'activity', provider: 'garmin', destinationType: 'webhook', httpStatus, responseTimeMs: 120, bytes: 2048, connectionId: '1937251889234671616',
    });
    const events = [
      event('e1', '2026-09-01T10:00:00.000Z', 500),
      event('e2', '2026-09-09T10:00:00.000Z', 503),
      event('e3', '2026-09-09T11:00:00.000Z', 200),
      event('e4', '2026-09-10T09:00:00.000Z', 410),
    ];
    const admin = await startAdmin({ seed: { environments: { [DEV_ID]: { events } } } });
    const token = admin.issueToken({ scopes: ALL });
    const failed = await call(admin, 'GET', `${envPath('/webhook-events')}?outcome=failed&since=2026-09-09T00:00:00Z`, { token });
    expect(failed.json.data.map((e: { event_id: string }) => e.event_id)).toEqual(['e4', 'e2']);
    expect(failed.json.data[0]).toEqual({ event_id: 'e4', sent_at: '2026-09-10T09:00:00.000Z', data_type: 'activity', provider: 'garmin', destination_type: 'webhook', http_status: 410, response_time_ms: 120, bytes: 2048, connection_id: '1937251889234671616' });
    const page = await call(admin, 'GET', `${envPath('/webhook-events')}?limit=3`, { token });
    expect([page.json.data.length, page.json.has_more]).toEqual([3, true]);
    const bad = await call(admin, 'GET', `${envPath('/webhook-events')}?outcome=lost&cursor=zzz`, { token });
    expect([bad.status, bad.json.errors]).toEqual([400, ['outcome: must be one of delivered, failed']]);
    const badCursor = await call(admin, 'GET', `${envPath('/webhook-events')}?cursor=zzz`, { token });
    expect(badCursor.json.errors).toEqual(['cursor: is not a cursor this server issued']);
  });
});

describe('out-of-band edits', () => {
  it('mutate() changes what the API reads, as a dashboard edit would; state() is a copy', async () => {
    const admin = await startAdmin({ seed: { environments: { [DEV_ID]: { sources: ['garmin'] } } } });
    const token = admin.issueToken({ scopes: ALL });
    admin.mutate(DEV_ID, (s) => {
      s.sources.garmin!.active = false;
      s.sources.oura = { active: true };
      s.processing = 'fhir';
    });
    expect((await call(admin, 'GET', SOURCES, { token })).json.data).toEqual([{ provider: 'garmin', active: false }, { provider: 'oura', active: true }]);
    const processing = await call(admin, 'GET', envPath('/unified-api/processing'), { token });
    expect(processing.json.data.find((p: { selected: boolean }) => p.selected).type).toBe('fhir');
    const copy = admin.state(DEV_ID);
    copy.sources = {};
    expect(Object.keys(admin.state(DEV_ID).sources)).toEqual(['garmin', 'oura']);
  });
});
