import { afterEach, describe, expect, it } from 'vitest';
import { TerraCallError } from '../../../src/terra/http/terra-call-error';
import { ADMIN_TOKEN, DEV_ID, adminClient, problem, rejection, startAdminServer, type AdminTestServer } from './admin-test-server';

let s: AdminTestServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const env = `/environments/${DEV_ID}`;

/** The error `enableSource` fails with when Terra answers this problem. */
async function answered(status: number, code: string, detail: string, extra: Record<string, unknown> = {}): Promise<TerraCallError> {
  s = await startAdminServer({ [`PUT ${env}/unified-api/sources/garmin`]: (_h, res) => problem(res, status, code, detail, extra) });
  const { client } = adminClient(s.baseUrl);
  const error = await rejection(client.enableSource(DEV_ID, 'garmin'));
  await s.close();
  s = undefined;
  expect(error).toBeInstanceOf(TerraCallError);
  expect(`${error.message} ${error.stack} ${(error as TerraCallError).hint}`).not.toContain(ADMIN_TOKEN);
  return error as TerraCallError;
}

const OP = `PUT ${env}/unified-api/sources/garmin (enableSource)`;

describe('admin problem codes become typed errors with the fix in them', () => {
  it('scope_missing names the scope and the terra login command, and exits as auth', async () => {
    const error = await answered(403, 'scope_missing', 'token is missing the required scope: providers:write');
    expect(error).toMatchObject({ code: 'scope_missing', exitKind: 'auth', status: 403 });
    expect(error.message).toBe(`${OP} was refused: TERRA_ADMIN_TOKEN lacks the scope providers:write`);
    expect(error.hint).toBe('mint a token that has it: terra login --scope providers:write (with a --scope for every other scope the run needs), then export it as TERRA_ADMIN_TOKEN');
  });

  it('unauthorized and token_expired say to set or renew TERRA_ADMIN_TOKEN', async () => {
    const unknown = await answered(401, 'unauthorized', 'unknown access token');
    expect(unknown).toMatchObject({ code: 'unauthorized', exitKind: 'auth' });
    expect(unknown.message).toBe(`${OP} was refused: Terra does not accept TERRA_ADMIN_TOKEN (unknown access token)`);
    expect(unknown.hint).toContain('set TERRA_ADMIN_TOKEN to a current admin token');
    const expired = await answered(401, 'token_expired', 'token expired');
    expect(expired.message).toBe(`${OP} was refused: TERRA_ADMIN_TOKEN has expired (token expired)`);
    expect(expired.hint).toContain('`terra tokens rotate`');
  });

  it('dev_id_not_found is a configuration error about the dev-id', async () => {
    const error = await answered(404, 'dev_id_not_found', 'dev-id not found');
    expect(error).toMatchObject({ code: 'dev_id_not_found', exitKind: 'config' });
    expect(error.message).toBe(`Terra does not know dev-id ${DEV_ID}, or the token's account does not own it (${OP}, HTTP 404)`);
    expect(error.hint).toContain('terra.devId');
  });

  it('unsupported_operation (422) is a configuration error', async () => {
    const error = await answered(422, 'unsupported_operation', 'this provider does not support custom credentials');
    expect(error).toMatchObject({ code: 'unsupported_operation', exitKind: 'config', status: 422 });
    expect(error.message).toBe(`${OP} is not supported here (this provider does not support custom credentials)`);
  });

  it('validation_failed prints errors[]', async () => {
    const error = await answered(400, 'validation_failed', 'approved scope was not requested', { errors: ['scopes: at least one required', 'url: must be https'] });
    expect(error).toMatchObject({ code: 'validation_failed', exitKind: 'config' });
    expect(error.message).toBe(`${OP} was rejected as invalid (approved scope was not requested): scopes: at least one required; url: must be https`);
    expect(error.problem?.errors).toEqual(['scopes: at least one required', 'url: must be https']);
  });

  it('idempotency_key_reuse is reported loudly as a terra-iac bug, conflict as a state conflict', async () => {
    const reuse = await answered(409, 'idempotency_key_reuse', 'key reused with a different body');
    expect(reuse.message).toContain('this is a terra-iac bug (each change gets its own key), please report it');
    expect(reuse.attempts).toBe(1);
    const conflict = await answered(409, 'conflict', 'precondition failed', { remediation: 'Reload and retry.' });
    expect(conflict).toMatchObject({ code: 'conflict', exitKind: 'io', hint: 'Reload and retry.' });
    expect(conflict.message).toBe(`${OP} conflicts with the current state in Terra (precondition failed)`);
  });

  it('access_denied explains the missing entitlement', async () => {
    const error = await answered(403, 'access_denied', 'HEALTH_OBSERVATION requires the health_observation entitlement');
    expect(error).toMatchObject({ code: 'access_denied', exitKind: 'auth' });
    expect(error.message).toBe(`${OP} was refused: the Terra account lacks the entitlement this needs (HEALTH_OBSERVATION requires the health_observation entitlement)`);
    expect(error.hint).toContain('HEALTH_OBSERVATION');
  });

  it('an answer without a problem document still fails with its status', async () => {
    s = await startAdminServer({ [`GET ${env}`]: (_h, res) => void res.writeHead(418, { 'content-type': 'text/plain' }).end('teapot') });
    const { client } = adminClient(s.baseUrl);
    const error = (await rejection(client.getEnvironment(DEV_ID))) as TerraCallError;
    expect(error).toMatchObject({ kind: 'http', status: 418, exitKind: 'io' });
    expect(error.message).toBe(`GET ${env} (getEnvironment) answered HTTP 418`);
  });
});
