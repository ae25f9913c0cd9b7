import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { BASE_PATH } from './contract';
import type { ServerContext, TokenRecord } from './context';
import { Pipeline } from './pipeline';
import { matchRoute } from './router';
import { Generator, environmentFromSeed } from './state';
import type { AdminFaults, LocalTerraAdmin, LocalTerraAdminOptions, SeenAdminRequest, TokenSpec } from './options';
import type { AdminEnvironmentState } from './types';

/** Default admin token lifetime: `expires_in: 2592000` (pollToken's example). */
const TOKEN_LIFETIME_MS = 2_592_000_000;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Starts a stateful stand-in for Terra's admin API (admin-api.yaml) on 127.0.0.1, serving
 * `${origin}/api/v3/admin`. Every request is logged in `requests`; every response is checked against the
 * vendored spec.
 */
export async function startLocalTerraAdmin(options: LocalTerraAdminOptions = {}): Promise<LocalTerraAdmin> {
  const now = options.now ?? (() => new Date());
  const gen = new Generator('local-terra-admin');
  let faults: AdminFaults = options.faults ?? {};
  const environments = new Map<string, AdminEnvironmentState>();
  for (const [devId, seed] of Object.entries(options.seed?.environments ?? {})) environments.set(devId, environmentFromSeed(devId, seed, gen));
  const timers = new Map<NodeJS.Timeout, () => void>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.set(timer, resolve);
    });
  const server: ServerContext = { options, faults: () => faults, gen, now, customerId: options.seed?.customerId ?? 'cus_local01', environments, sleep };
  const tokens = new Map<string, TokenRecord>();
  const requests: SeenAdminRequest[] = [];
  const contractViolations: string[] = [];
  const pipeline = new Pipeline(server, tokens, contractViolations);
  const sockets = new Set<Socket>();
  let closing = false;

  const http = createServer((req, res) => {
    void (async () => {
      const rawBody = await readBody(req);
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const method = req.method ?? 'GET';
      const operationId = matchRoute(method, url.pathname)?.operationId;
      const seen: SeenAdminRequest = { method, path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers, body: rawBody, ...(operationId ? { operationId } : {}) };
      requests.push(seen);
      if (options.latencyMs) await sleep(options.latencyMs);
      const outcome = await pipeline.handle(seen.method, url, req.headers, rawBody);
      if (outcome.destroy || closing) return void req.socket.destroy();
      const text = outcome.raw ?? (outcome.body === undefined ? undefined : JSON.stringify(outcome.body));
      res.writeHead(outcome.status, outcome.headers).end(text);
    })().catch((error: Error) => {
      contractViolations.push(`local-terra-admin crashed: ${error.message}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end('local-terra-admin crashed');
    });
  });
  http.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => http.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (http.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  const live = (devId: string) => {
    const env = environments.get(devId);
    if (!env) throw new Error(`local-terra-admin: no dev-id ${devId}`);
    return env;
  };

  return {
    origin,
    baseUrl: `${origin}${BASE_PATH}`,
    port,
    requests,
    contractViolations,
    state: (devId) => structuredClone(live(devId)),
    mutate: (devId, edit) => edit(live(devId)),
    addEnvironment: (devId, seed = {}) => void environments.set(devId, environmentFromSeed(devId, seed, gen)),
    issueToken: (spec: TokenSpec) => {
      const kind = spec.kind ?? 'admin';
      const token = `${kind === 'data' ? 'terra_dt_' : 'terra_at_'}${gen.secret('token', 40)}`;
      const issued = now();
      tokens.set(token, {
        token,
        tokenId: gen.uuid('token'),
        kind,
        scopes: [...spec.scopes],
        devIds: spec.devIds ? [...spec.devIds] : null,
        expiresAt: spec.expiresAt === undefined ? new Date(issued.getTime() + TOKEN_LIFETIME_MS).toISOString() : spec.expiresAt,
        name: spec.name ?? 'local-terra-admin test token',
        grantAnchorAt: issued.toISOString(),
        lastUsedAt: null,
      });
      return token;
    },
    setFaults: (next) => {
      faults = next;
      pipeline.resetFaultCounters();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Slow and lost-response faults hold sockets and timers; end them so tests finish promptly.
        closing = true;
        for (const [timer, wake] of timers) {
          clearTimeout(timer);
          wake();
        }
        timers.clear();
        for (const socket of sockets) socket.destroy();
        http.close(() => {
          if (contractViolations.length > 0 && options.contract !== 'record') {
            reject(new Error(`local-terra-admin broke the admin API contract:\n${contractViolations.join('\n')}`));
          } else resolve();
        });
      }),
  };
}
