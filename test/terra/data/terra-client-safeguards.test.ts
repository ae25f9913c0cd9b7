import { afterEach, describe, expect, it } from 'vitest';
import { TerraApiClient } from '../../../src/terra/data/terra-client';
import { BODY_LIMITS } from '../../../src/terra/http/body-limits';
import { createRedactor } from '../../../src/terra/http/redact';
import { TerraCallError } from '../../../src/terra/http/terra-call-error';
import { rssGrowthDuring, startRawServer, streamForever, type RawServer } from '../../support/raw-http-server';

const API_KEY = 'safeguard-key-Vb27QmX1';
const DEV_ID = 'testing-safeguards';
const servers: RawServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function server(handler: Parameters<typeof startRawServer>[0]): Promise<RawServer> {
  const s = await startRawServer(handler);
  servers.push(s);
  return s;
}

const client = (baseUrl: string, apiKey = API_KEY) =>
  new TerraApiClient({ baseUrl, devId: DEV_ID, apiKey, redact: createRedactor([apiKey]), retry: { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 1 } });
const budget = (ms = 5000) => ({ deadline: Date.now() + ms });
const catalog = JSON.stringify({ status: 'success', providers: ['GARMIN'], sdk_providers: ['APPLE'] });

async function failure(promise: Promise<unknown>): Promise<TerraCallError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(TerraCallError);
  return error as TerraCallError;
}

describe('the data API client refuses to follow Terra anywhere but the configured host', () => {
  it('a 302 to another 127.0.0.1 port is not followed, and that server never sees the x-api-key', async () => {
    const elsewhere = await server((_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end(catalog));
    const terra = await server((_req, res) => void res.writeHead(302, { location: `${elsewhere.origin}/v2/integrations` }).end());
    const error = await failure(client(`${terra.origin}/v2`).listIntegrations(budget()));
    expect(error.kind).toBe('redirect');
    expect(error.message).toContain(`to another host, 127.0.0.1:${elsewhere.port}`);
    expect(error.attempts).toBe(1);
    expect(terra.requests).toHaveLength(1);
    expect(elsewhere.requests).toHaveLength(0);
    expect(JSON.stringify(elsewhere.requests)).not.toContain(API_KEY);
  });

  it('a same-origin redirect is followed, with the credentials', async () => {
    const terra = await server((req, res) => {
      if (req.url?.startsWith('/v2/')) return void res.writeHead(307, { location: `/api${req.url}` }).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(catalog);
    });
    const result = await client(`${terra.origin}/v2`).listIntegrations(budget());
    expect(result.providers).toEqual(['GARMIN']);
    expect(terra.requests.map((r) => r.url)).toEqual(['/v2/integrations', '/api/v2/integrations']);
    expect(terra.requests[1]!.headers['x-api-key']).toBe(API_KEY);
  });
});

describe('the data API client caps every body', () => {
  it('an endless chunked body fails at the cap, once, with bounded memory', async () => {
    const terra = await server((_req, res) => streamForever(res, Buffer.alloc(64 * 1024, 'x')));
    const { result: error, growthBytes } = await rssGrowthDuring(() => failure(client(`${terra.origin}/v2`).listIntegrations(budget(20_000))));
    expect(error.kind).toBe('too-large');
    expect(error.message).toBe(`GET /integrations answered with a response larger than ${BODY_LIMITS.dataCatalog} bytes; terra-iac stopped reading it`);
    expect(terra.requests).toHaveLength(1);
    expect(growthBytes).toBeLessThan(64 * 1024 * 1024);
  });

  it('a huge declared body fails before it is read', async () => {
    const huge = 2 * 1024 * 1024 * 1024;
    const terra = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(huge) });
      const chunk = Buffer.alloc(1024 * 1024, 'y');
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    });
    const { result: error, growthBytes } = await rssGrowthDuring(() => failure(client(`${terra.origin}/v2`).countUsers(budget(20_000))));
    expect(error.kind).toBe('too-large');
    expect(error.message).toContain(`larger than ${BODY_LIMITS.dataUsers} bytes`);
    expect(terra.requests).toHaveLength(1);
    expect(growthBytes).toBeLessThan(64 * 1024 * 1024);
  });
});

describe('the data API client names local problems instead of blaming the network', () => {
  it('a CR/LF in the API key is reported locally, nothing is sent, nothing retried', async () => {
    const terra = await server((_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end(catalog));
    const key = `${API_KEY}\r\n`;
    const error = await failure(client(`${terra.origin}/v2`, key).countUsers(budget()));
    expect(error.kind).toBe('local');
    expect(error.message).toBe('GET /subscriptions was not sent: the API key (x-api-key header) contains a line break (CR or LF), often a trailing newline copied along with the value');
    expect(error.message).not.toMatch(/TLS|protocol/);
    expect(error.attempts).toBe(1);
    expect(terra.requests).toHaveLength(0);
    expect(`${error.message} ${error.stack}`).not.toContain(API_KEY);
  });

  it('a base URL with a user name and password is refused before sending, without repeating the password', async () => {
    const terra = await server((_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end(catalog));
    const error = await failure(client(`http://ops:hunter2-Pw@127.0.0.1:${terra.port}/v2`).listIntegrations(budget()));
    expect(error.kind).toBe('local');
    expect(error.message).toContain('carries a user name or password before the host');
    expect(`${error.message} ${error.stack}`).not.toContain('hunter2-Pw');
    expect(error.attempts).toBe(1);
    expect(terra.requests).toHaveLength(0);
  });
});

describe('the SDK hook', () => {
  it('changes only the calls terra-iac makes: the SDK used on its own keeps its global fetch', async () => {
    const elsewhere = await server((_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end(catalog));
    const terra = await server((_req, res) => void res.writeHead(302, { location: `${elsewhere.origin}/v2/integrations` }).end());
    // Through terra-iac: refused (this also installs the hook).
    expect((await failure(client(`${terra.origin}/v2`).listIntegrations(budget()))).kind).toBe('redirect');
    // The same SDK, outside any terra-iac call: fetch's own redirect handling, as before the hook.
    const { TerraClient } = require('terra-api') as typeof import('terra-api');
    const plain = new TerraClient({ baseUrl: `${terra.origin}/v2`, devId: DEV_ID, apiKey: 'not-ours' });
    await expect(plain.integrations.fetch({ maxRetries: 0 })).resolves.toMatchObject({ providers: ['GARMIN'] });
    expect(elsewhere.requests).toHaveLength(1);
  });
});
