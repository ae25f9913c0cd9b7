import { afterEach, describe, expect, it } from 'vitest';
import { BODY_LIMITS } from '../../../src/terra/http/body-limits';
import { createRedactor } from '../../../src/terra/http/redact';
import { TerraCallError } from '../../../src/terra/http/terra-call-error';
import { deliverWebhook, smokeTestEvent } from '../../../src/terra/webhook/webhook-probe';
import { rssGrowthDuring, startRawServer, streamForever, type RawServer } from '../../support/raw-http-server';

const SECRET = 'probe-signing-secret-Lr40';
const servers: RawServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function server(handler: Parameters<typeof startRawServer>[0]): Promise<RawServer> {
  const s = await startRawServer(handler);
  servers.push(s);
  return s;
}

const deliver = (url: string) =>
  deliverWebhook({ url, body: smokeTestEvent(), signWith: { secret: SECRET }, deadline: Date.now() + 20_000, redact: createRedactor([SECRET]), retry: { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 1 } });

describe('deliverWebhook through the HTTP core', () => {
  it('stops reading an endless answer at the cap, once, with bounded memory', async () => {
    const receiver = await server((_req, res) => streamForever(res, Buffer.alloc(16 * 1024, 'z')));
    const { result: error, growthBytes } = await rssGrowthDuring(() => deliver(`${receiver.origin}/hook`).then(() => undefined, (e: unknown) => e));
    expect(error).toBeInstanceOf(TerraCallError);
    expect((error as TerraCallError).kind).toBe('too-large');
    expect((error as TerraCallError).message).toBe(`POST ${receiver.origin}/hook answered with a response larger than ${BODY_LIMITS.webhookAnswer} bytes; terra-iac stopped reading it`);
    expect(receiver.requests).toHaveLength(1);
    expect(growthBytes).toBeLessThan(64 * 1024 * 1024);
  });

  it('hands a cross-origin redirect back with its target host, and the signature goes nowhere else', async () => {
    const elsewhere = await server((_req, res) => void res.writeHead(200).end());
    const receiver = await server((_req, res) => void res.writeHead(302, { location: `${elsewhere.origin}/hook` }).end());
    await expect(deliver(`${receiver.origin}/hook`)).resolves.toEqual({ status: 302, redirectHost: `127.0.0.1:${elsewhere.port}` });
    expect(receiver.requests[0]!.headers['terra-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('signs every retry afresh and gives up on a 503 after the bounded retries', async () => {
    const receiver = await server((_req, res) => void res.writeHead(503).end());
    const error = await deliver(`${receiver.origin}/hook`).then(() => undefined, (e: unknown) => e as TerraCallError);
    expect(error).toMatchObject({ kind: 'http', status: 503, attempts: 4 });
    expect(receiver.requests).toHaveLength(4);
    expect(new Set(receiver.requests.map((r) => r.headers['terra-reference'])).size).toBe(4);
  });

  it('refuses a receiver URL with credentials in it before sending', async () => {
    const receiver = await server((_req, res) => void res.writeHead(200).end());
    const error = await deliver(`http://user:pw-Xy81@127.0.0.1:${receiver.port}/hook`).then(() => undefined, (e: unknown) => e as TerraCallError);
    expect(error).toMatchObject({ kind: 'local', attempts: 1 });
    expect(error!.message).not.toContain('pw-Xy81');
    expect(receiver.requests).toHaveLength(0);
  });
});
