import { afterEach, describe, expect, it } from 'vitest';
import { scopesFor } from '../../../src/terra/admin/admin-operations';
import { checkMe } from '../../../src/terra/admin/me-check';
import type { MeResponse } from '../../../src/terra/admin/admin-types';
import { DEV_ID, adminClient, json, rejection, startAdminServer, type AdminTestServer } from './admin-test-server';

let s: AdminTestServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const NOW = Date.parse('2026-07-03T09:15:00Z');
const HOUR = 3_600_000;
const APPLY = ['listSources', 'enableSource', 'disableSource', 'listDestinations', 'createDestination'] as const;
const me = (overrides: Partial<MeResponse> = {}): MeResponse => ({
  token_id: 't',
  kind: 'admin',
  scopes: ['providers:read', 'providers:write', 'destinations:read', 'destinations:write'],
  dev_ids: [DEV_ID],
  expires_at: new Date(NOW + 30 * 24 * HOUR).toISOString(),
  ...overrides,
});
const plan = { devId: DEV_ID, requiredScopes: scopesFor(APPLY), now: NOW };
const thrown = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error as Error & { reason?: string; hint?: string; exitKind?: string };
  }
  throw new Error('expected checkMe to throw');
};

describe('GET /me preflight', () => {
  it('accepts an admin token that fits the plan, without warnings', () => {
    expect(scopesFor(APPLY)).toEqual(['destinations:read', 'destinations:write', 'providers:read', 'providers:write']);
    expect(checkMe(me(), plan)).toEqual([]);
    expect(checkMe(me({ dev_ids: null, expires_at: null }), plan)).toEqual([]);
  });

  it('refuses a data token with an explanation', () => {
    const error = thrown(() => checkMe(me({ kind: 'data' }), plan));
    expect(error).toMatchObject({ reason: 'data-token', exitKind: 'auth' });
    expect(error.message).toBe('TERRA_ADMIN_TOKEN is a data token (kind data), which authenticates the data API only; the admin API takes an admin token');
  });

  it('refuses an expired token and warns about one expiring within 3 days', () => {
    expect(thrown(() => checkMe(me({ expires_at: new Date(NOW - 1000).toISOString() }), plan))).toMatchObject({ reason: 'token-expired', exitKind: 'auth' });
    const [warning] = checkMe(me({ expires_at: new Date(NOW + 50 * HOUR).toISOString() }), plan);
    expect(warning).toMatch(/^TERRA_ADMIN_TOKEN expires in 50 h \(at 2026-07-05T11:15:00\.000Z\); renew it before then: `terra tokens rotate`/);
    expect(checkMe(me({ expires_at: new Date(NOW + 73 * HOUR).toISOString() }), plan)).toEqual([]);
  });

  it('refuses a token whose audience does not include the dev-id', () => {
    const error = thrown(() => checkMe(me({ dev_ids: ['acme-prod-x81LmQ'] }), plan));
    expect(error).toMatchObject({ reason: 'audience', exitKind: 'auth' });
    expect(error.message).toBe(`TERRA_ADMIN_TOKEN may act only on dev-ids acme-prod-x81LmQ, not on ${DEV_ID}`);
    expect(error.hint).toBe(`mint a token for it: terra login --env ${DEV_ID}`);
  });

  it('names the missing scopes and the login that grants every scope of the run', () => {
    const error = thrown(() => checkMe(me({ scopes: ['providers:read', 'destinations:read'] }), plan));
    expect(error).toMatchObject({ reason: 'scope-missing', exitKind: 'auth' });
    expect(error.message).toBe('TERRA_ADMIN_TOKEN lacks the scopes destinations:write, providers:write that this run needs');
    expect(error.hint).toBe(
      'mint a token with every scope the run needs: terra login --scope destinations:read --scope destinations:write --scope providers:read --scope providers:write, then export it as TERRA_ADMIN_TOKEN',
    );
  });

  it('rotateEnvironmentApiKey needs both account:write and keys:read', () => {
    expect(scopesFor(['rotateEnvironmentApiKey'])).toEqual(['account:write', 'keys:read']);
  });

  it('runs GET /me through the client and returns the warnings', async () => {
    s = await startAdminServer({ 'GET /me': (_h, res) => json(res, 200, me({ kind: 'session', expires_at: new Date(NOW + 2 * HOUR).toISOString() })) });
    const { client } = adminClient(s.baseUrl);
    const { warnings } = await client.preflight(DEV_ID, APPLY, NOW);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('dashboard session credential');
    expect(warnings[1]).toContain('expires in 2 h');
    expect(s.hits.map((h) => `${h.method} ${h.path}`)).toEqual(['GET /me']);
    const drift = await rejection(client.preflight(DEV_ID, ['getEnvironment'], NOW));
    expect(drift).toMatchObject({ reason: 'scope-missing', message: 'TERRA_ADMIN_TOKEN lacks the scope account:read that this run needs' });
  });
});
