import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verify } from '../../src/terra/webhook/webhook-signature';

/**
 * Webhook receivers for tests, on 127.0.0.1:
 * - `verify`: what a correct receiver does: verify the raw body with the signing secret, 401 otherwise;
 * - `accept-all`: the mistake the smoke test must catch: 200 for anything;
 * - `status`: always answers a fixed status (redirects, 500s, wrong-secret receivers).
 */
export type ReceiverMode = { kind: 'verify'; secret: string } | { kind: 'accept-all' } | { kind: 'status'; status: number; location?: string };

/** One delivery as the receiver saw it. */
export interface ReceivedDelivery {
  headers: IncomingMessage['headers'];
  body: string;
  answered: number;
}

export interface WebhookReceiver {
  url: string;
  deliveries: ReceivedDelivery[];
  close(): Promise<void>;
}

/** A request handler, so the local Terra server can mount a receiver at /webhook too. */
export function webhookHandler(mode: ReceiverMode, deliveries: ReceivedDelivery[]) {
  return (req: IncomingMessage, res: ServerResponse, rawBody: string): void => {
    let status: number;
    if (mode.kind === 'accept-all') status = 200;
    else if (mode.kind === 'status') status = mode.status;
    else status = verify(req.headers, rawBody, mode.secret).valid ? 200 : 401;
    deliveries.push({ headers: req.headers, body: rawBody, answered: status });
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (mode.kind === 'status' && mode.location) headers.location = mode.location;
    res.writeHead(status, headers).end(JSON.stringify({ received: status < 300 }));
  };
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startWebhookReceiver(mode: ReceiverMode): Promise<WebhookReceiver> {
  const deliveries: ReceivedDelivery[] = [];
  const handle = webhookHandler(mode, deliveries);
  const server: Server = createServer((req, res) => {
    readBody(req).then((body) => handle(req, res, body), () => res.writeHead(400).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/terra/events`,
    deliveries,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
