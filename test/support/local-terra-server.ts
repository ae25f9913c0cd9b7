import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import {
  LOCAL_SDK_PROVIDERS,
  LOCAL_WEB_PROVIDERS,
  TESTING_DEV_ID,
  TESTING_ENABLED,
  integrationProvider,
  legacyError,
  problem,
  terraUser,
} from './local-terra-server-data';
import { readBody, webhookHandler, type ReceivedDelivery, type ReceiverMode } from './webhook-receiver';

/**
 * A local stand-in for Terra's data API, following ../shared/terra/openapi/data-api-v2.yaml for the
 * endpoints the smoke test calls: paths under /v2 (api.tryterra.co) and /api/v2 (access.tryterra.co),
 * `dev-id` + `x-api-key` headers, JSON bodies, problem+json and `{status, message}` errors.
 */
export interface LocalTerraOptions {
  devId?: string;
  apiKey?: string;
  /** Providers enabled for the dev-id (GET /integrations/detailed with dev-id). */
  enabled?: readonly string[];
  /** Connected users (GET /subscriptions). */
  users?: number;
  webProviders?: readonly string[];
  sdkProviders?: readonly string[];
  /** Name of the SDK list in GET /integrations: the OpenAPI's `sdk_providers` or terra-api@2.1.0's `sdk_resource`. */
  sdkListField?: 'sdk_providers' | 'sdk_resource';
  /** Added to every response (the benchmark uses 200 ms). */
  latencyMs?: number;
  /** Mount a webhook receiver at /webhook. */
  webhook?: ReceiverMode;
  faults?: Faults;
}

/** Misbehaviour on demand. */
export interface Faults {
  /** Status for a wrong API key: 401 (problem+json) or 403 (`{status, message}`). Default 401. */
  wrongKeyStatus?: 401 | 403;
  /** Echo the received x-api-key in auth errors, as a careless server might. */
  echoKey?: boolean;
  /** Answer 429 with this Retry-After (seconds) to the first `times` requests of each path. */
  rateLimit?: { times: number; retryAfterSeconds: number };
  /** Answer 500 to every API request. */
  serverError?: boolean;
  /** Wait this long before answering API requests (beyond the client's timeout). */
  delayMs?: number;
  /** Answer 200 with a body that is not JSON. */
  malformedJson?: boolean;
}

/** One request as the server saw it. */
export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface LocalTerraServer {
  /** Origin, e.g. http://127.0.0.1:PORT; the API lives at `${origin}/v2` and `${origin}/api/v2`. */
  origin: string;
  /** `${origin}/v2`. */
  baseUrl: string;
  port: number;
  requests: SeenRequest[];
  deliveries: ReceivedDelivery[];
  /** The most requests the server held at once (received, not yet answered): proof of concurrency without a clock. */
  maxInFlight(): number;
  setFaults(faults: Faults): void;
  close(): Promise<void>;
}

const API_PREFIX = /^\/(?:api\/)?v2(\/[^?]*)?(?:\?.*)?$/;

export async function startLocalTerra(options: LocalTerraOptions = {}, port = 0): Promise<LocalTerraServer> {
  const devId = options.devId ?? TESTING_DEV_ID;
  const apiKey = options.apiKey ?? 'local-terra-api-key';
  let faults: Faults = options.faults ?? {};
  const requests: SeenRequest[] = [];
  const deliveries: ReceivedDelivery[] = [];
  const hits = new Map<string, number>();
  const webhook = options.webhook ? webhookHandler(options.webhook, deliveries) : undefined;
  const sockets = new Set<Socket>();

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const type = status >= 400 && (body as { title?: string }).title ? 'application/problem+json' : 'application/json';
    if (!res.writableEnded) res.writeHead(status, { 'content-type': type, ...headers }).end(JSON.stringify(body));
  };

  const authenticate = (req: IncomingMessage, res: ServerResponse, path: string): boolean => {
    const givenDevId = req.headers['dev-id'];
    const givenKey = req.headers['x-api-key'];
    if (!givenDevId || !givenKey) return send(res, 401, problem('unauthorized', path, 'dev-id or x-api-key headers are missing')), false;
    if (givenDevId !== devId) return send(res, 404, legacyError('Invalid dev-id was provided')), false;
    if (givenKey === apiKey) return true;
    const echo = faults.echoKey ? ` (received x-api-key ${String(givenKey)})` : '';
    if (faults.wrongKeyStatus === 403) send(res, 403, legacyError(`Invalid credentials${echo}`));
    else send(res, 401, problem('unauthorized', path, `dev-id or x-api-key is invalid${echo}`));
    return false;
  };

  const routes: Record<string, (req: IncomingMessage, res: ServerResponse, url: URL, body: string) => void> = {
    'GET /integrations': (_req, res) => {
      send(res, 200, { status: 'success', providers: options.webProviders ?? LOCAL_WEB_PROVIDERS, [options.sdkListField ?? 'sdk_providers']: options.sdkProviders ?? LOCAL_SDK_PROVIDERS });
    },
    'GET /integrations/detailed': (req, res, url) => {
      const withSdk = url.searchParams.get('sdk') === 'true';
      const sdk = new Set(options.sdkProviders ?? LOCAL_SDK_PROVIDERS);
      const all = [...(options.webProviders ?? LOCAL_WEB_PROVIDERS), ...sdk];
      // With a dev-id: that account's enabled set only; without: everything, all marked enabled (FACTS 1.3).
      const given = req.headers['dev-id'];
      if (given && given !== devId) return send(res, 404, legacyError('Invalid dev-id was provided'));
      const listed = given ? (options.enabled ?? TESTING_ENABLED) : all;
      send(res, 200, { status: 'success', providers: listed.filter((code) => withSdk || !sdk.has(code)).map((code) => integrationProvider(code)) });
    },
    'GET /subscriptions': (req, res, url, _body) => {
      if (!authenticate(req, res, url.pathname)) return;
      const count = options.users ?? 12;
      const users = Array.from({ length: count }, (_, i) => terraUser(i, (options.enabled ?? TESTING_ENABLED)[i % 3] ?? 'GARMIN'));
      const pageText = url.searchParams.get('page');
      if (pageText === null) return send(res, 200, { users });
      const page = Number(pageText);
      const perPage = Number(url.searchParams.get('per_page') ?? 500);
      const maxPage = Math.max(0, Math.ceil(count / perPage) - 1);
      const results = users.slice(page * perPage, (page + 1) * perPage);
      send(res, 200, { data: { next: page < maxPage ? page + 1 : null, max_page: maxPage, results } });
    },
    'POST /auth/generateWidgetSession': (req, res, url, body) => {
      if (!authenticate(req, res, url.pathname)) return;
      let params: { providers?: unknown };
      try {
        params = JSON.parse(body || '{}');
      } catch {
        return send(res, 400, problem('bad request', url.pathname, 'body is not valid JSON'));
      }
      if (params.providers !== undefined && typeof params.providers !== 'string') {
        return send(res, 400, legacyError('providers must be a comma-separated string'));
      }
      const id = `5e551011-0000-4000-8000-${String(requests.length).padStart(12, '0')}`;
      send(res, 200, { session_id: id, url: `https://widget.tryterra.co/session/${id}`, status: 'success', expires_in: 900 });
    },
  };

  let inFlight = 0;
  let maxInFlight = 0;
  const server = createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.once('close', () => inFlight--);
    void (async () => {
      const body = await readBody(req);
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      requests.push({ method: req.method ?? 'GET', path: url.pathname + url.search, headers: req.headers, body });
      if (options.latencyMs) await sleep(options.latencyMs);
      if (webhook && url.pathname === '/webhook') return webhook(req, res, body);
      const match = API_PREFIX.exec(url.pathname);
      const route = match ? routes[`${req.method} ${match[1] ?? '/'}`] : undefined;
      if (!route) return send(res, 404, problem('not found', url.pathname, 'no such endpoint'));
      const key = `${req.method} ${match![1]}`;
      hits.set(key, (hits.get(key) ?? 0) + 1);
      if (faults.delayMs) await sleep(faults.delayMs);
      if (faults.rateLimit && hits.get(key)! <= faults.rateLimit.times) {
        return send(res, 429, problem('too many requests', url.pathname), { 'retry-after': String(faults.rateLimit.retryAfterSeconds) });
      }
      if (faults.serverError) return send(res, 500, problem('internal server error', url.pathname, 'upstream failure'));
      if (faults.malformedJson) return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"status": "success", "providers": [');
      route(req, res, url, body);
    })().catch(() => {
      if (!res.writableEnded) res.writeHead(500).end();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${actual}`;
  return {
    origin,
    baseUrl: `${origin}/v2`,
    port: actual,
    requests,
    deliveries,
    maxInFlight: () => maxInFlight,
    setFaults: (next) => {
      faults = next;
      hits.clear();
    },
    close: () =>
      new Promise((resolve) => {
        // Slow-response faults hold sockets open; end them so tests finish promptly.
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
