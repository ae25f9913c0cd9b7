import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request as a raw test server saw it, in arrival order. */
export interface RawRequest {
  method: string;
  /** Path and query. */
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface RawServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  port: number;
  requests: RawRequest[];
  close(): Promise<void>;
}

export type RawHandler = (req: IncomingMessage, res: ServerResponse, seen: RawRequest) => void | Promise<void>;

/**
 * A purpose-built HTTP server on 127.0.0.1 for the HTTP core's tests: it logs every request (headers
 * included, so a test can prove which credential reached which host) and leaves the answer to the test.
 */
export async function startRawServer(handler: RawHandler): Promise<RawServer> {
  const requests: RawRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const seen: RawRequest = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(seen);
      Promise.resolve(handler(req, res, seen)).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise((resolve) => {
        // Endless and slow answers hold sockets open; end them so tests finish promptly.
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Writes `chunk` again and again for as long as the client reads: an endless chunked body. */
export function streamForever(res: ServerResponse, chunk: Buffer, headers: Record<string, string> = { 'content-type': 'application/json' }): void {
  res.writeHead(200, headers);
  const pump = () => {
    while (!res.destroyed && res.write(chunk));
    if (!res.destroyed) res.once('drain', pump);
  };
  res.on('close', () => res.removeAllListeners('drain'));
  pump();
}

/**
 * Peak resident memory while `run` runs, sampled every few milliseconds, minus the resident memory
 * before: what an unbounded read would show as hundreds of megabytes.
 */
export async function rssGrowthDuring<T>(run: () => Promise<T>): Promise<{ result: T; growthBytes: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    const result = await run();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, growthBytes: peak - before };
  } finally {
    clearInterval(timer);
  }
}
