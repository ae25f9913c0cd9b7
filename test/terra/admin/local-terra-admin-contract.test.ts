import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OPERATION_SCOPES, SPEC_VERSION, startLocalTerraAdmin } from '../../support/local-terra-admin';
import { responseViolations } from '../../support/local-terra-admin/contract';
import { HANDLERS } from '../../support/local-terra-admin/handlers';
import { VENDORED_OPERATIONS, vendorAdminSchemas } from '../../support/local-terra-admin/vendor';
import { DEV_ID, call, closeAdmin, envPath, startAdmin } from './admin-helpers';

/** The fake against admin-api.yaml: responses are checked for real, every operation conforms, the vendored copy is fresh. */

afterEach(closeAdmin);

const REPO = join(__dirname, '..', '..', '..');
const SPEC = join(REPO, '..', 'shared', 'terra', 'openapi', 'admin-api.yaml');
const FIXTURES = join(REPO, 'test', 'fixtures', 'terra-admin');

describe('the contract check is real', () => {
  it('a response that breaks the spec becomes a 500, is recorded, and makes close() reject', async () => {
    const admin = await startLocalTerraAdmin({
      seed: { environments: { [DEV_ID]: {} } },
      faults: { corruptResponse: (op, _status, body) => (op === 'enableSource' ? { active: 'yes' } : body) },
    });
    const res = await call(admin, 'PUT', envPath('/unified-api/sources/garmin'), { token: admin.issueToken({ scopes: ['providers:write'] }) });
    expect([res.status, res.json.code]).toEqual([500, 'internal_error']);
    expect(res.json.detail).toContain('broke the admin API contract');
    expect(admin.contractViolations).toEqual(['enableSource 200 (ProviderEnabled): provider: is required', 'enableSource 200 (ProviderEnabled): active: must be boolean']);
    await expect(admin.close()).rejects.toThrow(/enableSource 200 \(ProviderEnabled\): provider: is required/);
  });

  it("contract: 'record' sends the broken body as is and only records it", async () => {
    const admin = await startAdmin({ contract: 'record', faults: { corruptResponse: (_op, status, body) => (status >= 400 ? { ...(body as object), status } : body) } });
    const res = await call(admin, 'GET', envPath('/unified-api/sources'));
    expect([res.status, res.json.status]).toEqual([401, 401]);
    expect(admin.contractViolations).toEqual(['listSources 401: a problem must not carry `status`']);
  });

  it('judges status, content type, body presence and problem fields against the operation', () => {
    const base = { operationId: 'enableSource' as const, instance: '/api/v3/admin/x', dryRun: false, fault: false };
    const problem = (status: number, title: string, code = 'unsupported_operation') => ({ type: 'about:blank', title, instance: base.instance, code });
    expect(responseViolations({ ...base, status: 200, contentType: 'application/json', body: { provider: 'garmin', active: true } })).toEqual([]);
    expect(responseViolations({ ...base, status: 422, contentType: 'application/problem+json', body: problem(422, 'unprocessable entity') })).toEqual([
      'enableSource 422: status 422 is not declared for PUT /environments/{dev_id}/unified-api/sources/{provider}',
    ]);
    expect(responseViolations({ ...base, status: 200, contentType: 'application/problem+json', body: { provider: 'garmin', active: true } })).toEqual([
      'enableSource 200: content-type application/problem+json, the spec says application/json',
    ]);
    expect(responseViolations({ ...base, operationId: 'disableSource', status: 204, contentType: 'application/json', body: {} })).toEqual([
      'disableSource 204: content-type application/json, the spec says null',
      'disableSource 204: the spec declares no body',
    ]);
    expect(responseViolations({ ...base, status: 404, contentType: 'application/problem+json', body: { ...problem(404, 'Not Found', 'not_found') } })).toEqual([
      'enableSource 404: title "Not Found" is not the lowercased status text "not found"',
    ]);
    expect(responseViolations({ ...base, status: 400, contentType: 'application/problem+json', body: problem(400, 'bad request', 'validation_failed') })).toEqual([
      'enableSource 400: a 400 carries errors[]',
    ]);
    expect(responseViolations({ ...base, status: 404, contentType: 'application/problem+json', body: { ...problem(404, 'not found'), code: 'gone' } })[0]).toMatch(/code: must be one of access_denied/);
  });
});

describe('every operation', () => {
  it('has a handler', () => {
    expect(VENDORED_OPERATIONS.filter((id) => !HANDLERS[id])).toEqual([]);
  });

  it('answers a valid request with a 2xx that conforms to the spec', async () => {
    const admin = await startAdmin({
      seed: {
        environments: {
          [DEV_ID]: {
            sources: { garmin: { active: true, authRedirectUrl: 'https://api.acme.example/terra/callback' } },
            credentials: { garmin: { clientId: 'acme-garmin', clientSecret: 'seeded-secret-1234' } },
            destinations: [{ id: '1937255512398764032', url: 'https://acme.example/old', eventTypes: ['activity'] }],
            dataTypes: ['ACTIVITY'],
            events: [{ eventId: 'e1', sentAt: '2026-09-09T10:00:00.000Z', dataType: 'activity', provider: 'garmin', destinationType: 'webhook', httpStatus: 200, responseTimeMs: 5, bytes: 10, connectionId: '1' }],
          },
        },
      },
    });
    const token = admin.issueToken({ scopes: OPERATION_SCOPES });
    const src = envPath('/unified-api/sources/garmin');
    const dest = envPath('/unified-api/destinations');
    const tour: Array<[string, string, unknown?]> = [
      ['GET', '/me'],
      ['GET', '/environments'],
      ['POST', '/environments', { dev_id: DEV_ID }],
      ['GET', envPath()],
      ['PATCH', envPath(), { name: 'Acme testing' }],
      ['GET', envPath('/api-key')],
      ['POST', envPath('/api-key/rotate')],
      ['GET', envPath('/unified-api/widget/config')],
      ['PUT', envPath('/unified-api/widget/config'), { widget_name: 'Acme' }],
      ['GET', envPath('/unified-api/sources')],
      ['PUT', envPath('/unified-api/sources/oura')],
      ['GET', `${src}/credentials`],
      ['PUT', `${src}/credentials`, { client_id: 'acme-garmin', client_secret: 'new-secret-5678', sandbox: false }],
      ['GET', `${src}/scopes`],
      ['PUT', `${src}/scopes`, { scopes: ['read:activity'] }],
      ['DELETE', envPath('/unified-api/sources/oura')],
      ['GET', dest],
      ['POST', dest, { url: 'https://acme.example/new', event_types: ['sleep'] }],
      ['PATCH', `${dest}/1937255512398764032`, { event_types: ['activity', 'daily'] }],
      ['DELETE', `${dest}/1937255512398764032`],
      ['GET', envPath('/unified-api/scopes')],
      ['PATCH', envPath('/unified-api/scopes'), { data_type: 'activity', fields: ['steps'] }],
      ['PUT', envPath('/unified-api/scopes'), { scopes: ['ACTIVITY', 'SLEEP', 'SAMPLES'] }],
      ['GET', envPath('/unified-api/processing')],
      ['PATCH', envPath('/unified-api/processing'), { type: 'fit' }],
      ['GET', envPath('/webhook-events')],
    ];
    for (const [method, path, body] of tour) {
      const res = await call(admin, method, path, { token, body });
      expect(res.status, `${method} ${path}: ${res.text}`).toBeLessThan(300);
    }
    expect(admin.requests.map((r) => r.operationId).sort()).toEqual([...VENDORED_OPERATIONS].sort());
    expect(admin.contractViolations).toEqual([]);
  });
});

describe('the vendored subset of admin-api.yaml', () => {
  const present = existsSync(SPEC);
  const skipReason = present ? '' : ' (skipped: ../shared/terra/openapi/admin-api.yaml is not beside the repository)';

  it.skipIf(!present)(`equals a fresh vendorAdminSchemas() of the spec${skipReason}`, () => {
    const fresh = vendorAdminSchemas(readFileSync(SPEC, 'utf8'));
    for (const [name, text] of Object.entries(fresh)) {
      expect(readFileSync(join(FIXTURES, name), 'utf8'), `test/fixtures/terra-admin/${name} is stale: run node scripts/run-ts.js scripts/vendor-admin-schemas.ts`).toBe(text);
    }
  });

  it('records the spec version it was cut from', () => {
    expect(SPEC_VERSION).toBe('2026.09.04.2');
  });
});
