import type { ServerResponse } from 'node:http';
import { TerraAdminClient, type AdminClientOptions } from '../../../src/terra/admin/client';
import { fakeClock, type FakeClock } from '../../support/fake-clock';
import { startRawServer, type RawRequest, type RawServer } from '../../support/raw-http-server';

export const ADMIN_TOKEN = 'terra_at_adminTest-Rk83vQ2m';
export const DEV_ID = 'acme-testing-Q7mK2p';
export const BASE_PATH = '/api/v3/admin';

/** A request as a handler gets it: the path under /api/v3/admin, and the request number per route. */
export interface Hit extends RawRequest {
  path: string;
  query: URLSearchParams;
  json: unknown;
}

export type Route = (hit: Hit, res: ServerResponse) => void | Promise<void>;

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(body === undefined ? '' : JSON.stringify(body));
}

/** A problem document as admin-api.yaml's components/responses show them. */
export function problem(res: ServerResponse, status: number, code: string, detail: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): void {
  const body = { type: 'about:blank', title: String(status), detail, instance: '/api/v3/admin/x', code, ...extra };
  res.writeHead(status, { 'content-type': 'application/problem+json', ...headers }).end(JSON.stringify(body));
}

export interface AdminTestServer {
  server: RawServer;
  baseUrl: string;
  /** Requests under /api/v3/admin, in arrival order. */
  hits: Hit[];
  close(): Promise<void>;
}

/**
 * A purpose-built admin API stand-in: routes keyed `METHOD /path` (path under /api/v3/admin, `*` for one
 * segment), each answering as the test scripts it; anything else is a 404 problem.
 */
export async function startAdminServer(routes: Record<string, Route>, onHit?: (hit: Hit) => void): Promise<AdminTestServer> {
  const hits: Hit[] = [];
  const server = await startRawServer(async (req, res, seen) => {
    const url = new URL(seen.url, 'http://127.0.0.1');
    const path = url.pathname.startsWith(BASE_PATH) ? url.pathname.slice(BASE_PATH.length) : url.pathname;
    let body: unknown;
    try {
      body = seen.body ? JSON.parse(seen.body) : undefined;
    } catch {
      body = seen.body;
    }
    const hit: Hit = { ...seen, path, query: url.searchParams, json: body };
    hits.push(hit);
    onHit?.(hit);
    const route = Object.entries(routes).find(([key]) => matches(key, `${req.method} ${path}`))?.[1];
    if (!route) return problem(res, 404, 'not_found', `no route ${req.method} ${path}`);
    await route(hit, res);
  });
  return { server, baseUrl: `${server.origin}${BASE_PATH}`, hits, close: () => server.close() };
}

function matches(pattern: string, actual: string): boolean {
  const a = pattern.split('/');
  const b = actual.split('/');
  return a.length === b.length && a.every((part, i) => part === '*' || part === b[i]);
}

/** A client for the test server with a virtual clock, so retries and pacing cost no wall time. */
export function adminClient(baseUrl: string, overrides: Partial<AdminClientOptions> = {}): { client: TerraAdminClient; clock: FakeClock } {
  const clock = fakeClock();
  const client = new TerraAdminClient({ baseUrl, env: { TERRA_ADMIN_TOKEN: ADMIN_TOKEN }, clock, random: () => 0.5, ...overrides });
  return { client, clock };
}

/** Settles to the rejection, for assertions on it. */
export function rejection(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: Error) => error,
  );
}
