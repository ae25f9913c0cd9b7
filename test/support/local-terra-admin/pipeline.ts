import type { IncomingHttpHeaders } from 'node:http';
import { authenticate, requireScopes, resolveEnvironment } from './auth';
import { OPERATIONS, queryErrors, requestBodyErrors, responseViolations } from './contract';
import type { Reply, RequestContext, ServerContext, TokenRecord } from './context';
import { HANDLERS } from './handlers';
import { IdempotencyStore, fingerprint } from './idempotency';
import { AdminProblem, notFound, validationFailed } from './problem';
import { matchRoute } from './router';
import type { FaultTarget } from './options';
import type { VendoredOperationId } from './vendor';

/**
 * One request from parsed URL to the reply to send: route, authenticate, faults, scopes, dev-id,
 * idempotency, validation, handler, contract check. Problems raised before the handler runs are never
 * stored for idempotent replay: Stripe, whose scheme the spec names, saves a result only once the endpoint
 * started executing (https://docs.stripe.com/api/idempotent_requests).
 */

export interface Outcome {
  status: number;
  headers: Record<string, string | string[]>;
  /** JSON body; undefined for 204. */
  body?: unknown;
  /** Sent as is instead of `body` (the malformed-JSON fault). */
  raw?: string;
  /** Destroy the socket instead of answering (the lost-response fault). */
  destroy?: boolean;
}

const contentTypeOf = (reply: Reply) => (reply.body === undefined ? null : reply.status >= 400 ? 'application/problem+json' : 'application/json');

const problemReply = (problem: AdminProblem, instance: string): Reply => ({ status: problem.status, body: problem.body(instance), headers: { ...problem.extra.headers } });

export class Pipeline {
  private readonly idempotency = new IdempotencyStore();
  private readonly hits = new Map<string, number>();
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly server: ServerContext,
    private readonly tokens: Map<string, TokenRecord>,
    private readonly violations: string[],
  ) {}

  resetFaultCounters(): void {
    this.hits.clear();
  }

  async handle(method: string, url: URL, headers: IncomingHttpHeaders, rawBody: string): Promise<Outcome> {
    const instance = url.pathname + url.search;
    const query = Object.fromEntries(url.searchParams);
    const route = matchRoute(method, url.pathname);
    if (!route) return this.outcome(problemReply(notFound('no such endpoint'), instance));
    const { operationId, params } = route;
    const op = OPERATIONS[operationId];
    const mutation = method !== 'GET';
    const faults = this.server.faults();
    let rateHeaders: Record<string, string> = {};
    let stage: 'preflight' | 'handler' = 'preflight';
    let fault = false;
    try {
      const token = authenticate(headers, this.server, this.tokens);
      if (mutation) rateHeaders = this.countMutation(token);
      if (faults.delayMs) await this.server.sleep(faults.delayMs);
      if (faults.rateLimit && this.fires(`rateLimit ${method} ${url.pathname}`, { ...faults.rateLimit }, operationId)) {
        throw new AdminProblem(429, 'rate_limited', 'per-token rate limit exceeded', {
          remediation: 'Back off and retry after the Retry-After interval.',
          headers: { 'retry-after': String(faults.rateLimit.retryAfterSeconds) },
        });
      }
      if (this.fires('serverError', faults.serverError, operationId)) {
        fault = true;
        throw new AdminProblem(500, 'internal_error', 'an internal error occurred');
      }
      requireScopes(this.server, token, op.scopes);
      const badQuery = queryErrors(operationId, query);
      if (badQuery.length > 0) throw validationFailed(badQuery);
      const env = params.dev_id === undefined ? undefined : resolveEnvironment(this.server, token, params.dev_id);

      const key = mutation ? headers['idempotency-key'] : undefined;
      const storeKey = typeof key === 'string' ? IdempotencyStore.key(token.token, method, url.pathname, key) : undefined;
      const print = fingerprint(query, rawBody);
      const stored = storeKey === undefined ? undefined : this.idempotency.get(storeKey);
      if (stored) {
        if (stored.fingerprint !== print) {
          throw new AdminProblem(409, 'idempotency_key_reuse', 'Idempotency-Key was already used with a different request', {
            remediation: 'Send a new Idempotency-Key for a different request.',
          });
        }
        return this.outcome(this.replay(operationId, stored.reply), rateHeaders);
      }

      const body = this.parseBody(operationId, rawBody);
      if (this.fires('malformedJson', faults.malformedJson, operationId)) {
        return { status: 200, headers: { 'content-type': 'application/json', ...rateHeaders }, raw: '{"data": [{"provider": ' };
      }
      const honoursDryRun = op.dryRun || operationId === 'setProcessing' || (mutation && this.server.options.dryRun === 'all-mutations');
      const ctx: RequestContext = { server: this.server, operationId, params, query, body, token, env, dryRun: honoursDryRun && query.dry_run === 'true' };
      stage = 'handler';
      let reply = this.run(ctx, instance);
      reply = this.checked(operationId, reply, instance, ctx.dryRun, false);
      if (storeKey !== undefined && reply.status < 500) this.idempotency.set(storeKey, { fingerprint: print, reply });
      const lost = this.fires('lostResponse', faults.lostResponse, operationId);
      return { ...this.outcome(reply, rateHeaders), ...(lost ? { destroy: true } : {}) };
    } catch (error) {
      if (!(error instanceof AdminProblem) || stage === 'handler') throw error;
      return this.outcome(this.checked(operationId, problemReply(error, instance), instance, false, fault), rateHeaders);
    }
  }

  private run(ctx: RequestContext, instance: string): Reply {
    const handler = HANDLERS[ctx.operationId];
    if (!handler) throw new Error(`no handler for ${ctx.operationId}`);
    try {
      return handler(ctx);
    } catch (error) {
      if (error instanceof AdminProblem) return problemReply(error, instance);
      throw error;
    }
  }

  private parseBody(operationId: VendoredOperationId, rawBody: string): unknown {
    const spec = OPERATIONS[operationId].requestBody;
    if (!spec) return undefined;
    if (rawBody.trim() === '') {
      if (spec.required) throw validationFailed(['body: is required']);
      return undefined;
    }
    let body: unknown;
    try {
      body = JSON.parse(rawBody);
    } catch {
      throw validationFailed(['body: is not valid JSON'], 'request body is not valid JSON');
    }
    const errors = requestBodyErrors(operationId, body);
    if (errors.length > 0) throw validationFailed(errors);
    return body;
  }

  /** The stored reply again; `signing_secret` left out when the replay-without-secret fault is on. */
  private replay(operationId: VendoredOperationId, reply: Reply): Reply {
    let body = structuredClone(reply.body);
    if (operationId === 'createDestination' && this.server.faults().replayWithoutSigningSecret && body && typeof body === 'object') {
      const { signing_secret: _dropped, ...rest } = body as Record<string, unknown>;
      body = rest;
    }
    // Stripe's replay marker (https://docs.stripe.com/api/idempotent_requests); admin-api.yaml names no such header.
    return { ...reply, body, headers: { ...reply.headers, 'idempotent-replayed': 'true' } };
  }

  /** The contract check: a reply that breaks admin-api.yaml is recorded and, by default, replaced by a 500. */
  private checked(operationId: VendoredOperationId, original: Reply, instance: string, dryRun: boolean, fault: boolean): Reply {
    const corrupt = this.server.faults().corruptResponse;
    const reply = corrupt ? { ...original, body: corrupt(operationId, original.status, original.body) } : original;
    const found = responseViolations({ operationId, status: reply.status, contentType: contentTypeOf(reply), body: reply.body, instance, dryRun, fault });
    if (found.length === 0) return reply;
    this.violations.push(...found);
    if (this.server.options.contract === 'record') return reply;
    const detail = `local-terra-admin broke the admin API contract (a bug in the fake): ${found.join('; ')}`;
    return { status: 500, body: new AdminProblem(500, 'internal_error', detail).body(instance) };
  }

  private outcome(reply: Reply, rateHeaders: Record<string, string> = {}): Outcome {
    const type = contentTypeOf(reply);
    return { status: reply.status, headers: { ...(type ? { 'content-type': type } : {}), ...rateHeaders, ...reply.headers }, body: reply.body };
  }

  private fires(name: string, target: FaultTarget | undefined, operationId: VendoredOperationId): boolean {
    if (!target || (target.operations && !target.operations.includes(operationId))) return false;
    const seen = this.hits.get(name) ?? 0;
    this.hits.set(name, seen + 1);
    return target.times === undefined || seen < target.times;
  }

  /**
   * A fixed window per token over mutations. admin-api.yaml says only that "Mutations … emit
   * X-RateLimit-* headers": the names Limit/Remaining/Reset and Reset as epoch seconds are assumed
   * (the common GitHub-style convention), as are the default numbers.
   */
  private countMutation(token: TokenRecord): Record<string, string> {
    const { limit, windowSeconds } = this.server.options.rateLimit ?? { limit: 1000, windowSeconds: 60 };
    const now = this.server.now().getTime();
    let window = this.windows.get(token.token);
    if (!window || now - window.start >= windowSeconds * 1000) this.windows.set(token.token, (window = { start: now, count: 0 }));
    window.count += 1;
    const reset = Math.ceil((window.start + windowSeconds * 1000) / 1000);
    const headers = { 'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': String(Math.max(0, limit - window.count)), 'x-ratelimit-reset': String(reset) };
    if (window.count > limit) {
      const retryAfter = Math.max(1, reset - Math.floor(now / 1000));
      throw new AdminProblem(429, 'rate_limited', 'per-token rate limit exceeded', {
        remediation: 'Back off and retry after the Retry-After interval.',
        headers: { ...headers, 'retry-after': String(retryAfter) },
      });
    }
    return headers;
  }
}
