import { SYSTEM_CLOCK, type Clock } from './clock';
import { crossOriginRedirect, localRequestError, responseTooLarge, tooManyRedirects } from './http-errors';
import { headersProblem, urlProblem } from './local-checks';
import { diagnoseConnection } from './network-diagnosis';
import { discardBody, readCappedBody } from './read-body';
import { sanitizeRemoteText, type Redactor } from './redact';
import { withRetries, type RetryClassifier, type RetryPolicy } from './retry';
import { TerraCallError } from './terra-call-error';
import { hostOf, originOf, roundedMs } from './url';

/** The subset of fetch the core uses; tests and the SDK adapter pass their own. */
export type FetchFn = (url: string, init: RequestInit) => Promise<Response>;

export interface HttpClientOptions {
  /** The configured base URL. Its origin is the only one that ever receives a request, and so a credential. */
  baseUrl: string;
  /** Masks every credential value this client sends, in every message it builds. */
  redact: Redactor;
  /** How credential headers are named in messages, by lower-case header name: `x-api-key` → "the API key". */
  headerLabels?: Readonly<Record<string, string>>;
  /** Same-origin redirects followed in a row before giving up; default 5. */
  maxRedirects?: number;
  clock?: Clock;
  /** Default: the global fetch, looked up at call time. */
  fetch?: FetchFn;
  /** Wraps every attempt of `request` (a pacing limiter shared by the requests of one API client). */
  limiter?: { run<T>(work: () => Promise<T>): Promise<T> };
}

/** One HTTP exchange as a caller describes it. */
export interface HttpRequest {
  /** For messages, e.g. `GET /me`. */
  operation: string;
  method: string;
  /** A path under the base URL (`/me`), or an absolute URL, which must be on the base URL's origin. */
  url: string;
  headers?: Readonly<Record<string, string>>;
  body?: string;
  /** Cap on the decoded body (see BODY_LIMITS). */
  maxBodyBytes: number;
  /** `follow-same-origin` (default) or `return`, which hands a 3xx back untouched (webhook deliveries). */
  redirects?: 'follow-same-origin' | 'return';
  /** Longest one attempt may take, body included; the time left in the budget caps it too. */
  attemptTimeoutMs?: number;
  /** Aborts the attempt from outside (the SDK's own timer). */
  signal?: AbortSignal;
}

/** An answer read completely (within its cap). */
export interface HttpResponse {
  status: number;
  statusText: string;
  headers: Headers;
  /** The URL that answered, after any same-origin redirects. */
  url: string;
  body: Uint8Array;
  text(): string;
}

/** How `request` retries: the budget is required, the rest defaults to the data API's policy. */
export interface RequestOptions<T> {
  /** Epoch milliseconds (of the client's clock) by which the call, retries included, must end. */
  deadline: number;
  retry?: RetryPolicy;
  retryable?: RetryClassifier;
  budgetName?: string;
  random?: () => number;
  /** Turns an answer into the result, or throws a TerraCallError (which the classifier may retry). */
  check: (response: HttpResponse, attemptIndex: number) => T | Promise<T>;
}

const REDIRECT_STATUSES = [301, 302, 303, 307, 308];

/**
 * The one HTTP client core under every Terra call (data API through its SDK, admin API, webhook probes):
 * a time budget and per-attempt timeouts, bounded retries honouring Retry-After within the budget, a
 * caller-supplied retry classifier, same-origin redirects only, a cap on every body, local problems found
 * before sending, and messages with every credential redacted.
 */
export class HttpClient {
  readonly origin: string | undefined;
  private readonly clock: Clock;

  constructor(private readonly options: HttpClientOptions) {
    this.clock = options.clock ?? SYSTEM_CLOCK;
    this.origin = originOf(options.baseUrl);
  }

  now(): number {
    return this.clock.now();
  }

  /** One request (built afresh per attempt when a function is given), retried as `options` say. */
  request<T>(build: HttpRequest | ((attemptIndex: number) => HttpRequest), options: RequestOptions<T>): Promise<T> {
    return withRetries(
      async (remainingMs, attemptIndex) => {
        const request = typeof build === 'function' ? build(attemptIndex) : build;
        const { limiter } = this.options;
        // The time spent waiting for the limiter comes out of this attempt's share of the budget.
        const started = this.clock.now();
        const send = () => this.send(request, remainingMs - (this.clock.now() - started));
        const response = await (limiter ? limiter.run(send) : send());
        return options.check(response, attemptIndex);
      },
      {
        deadline: options.deadline,
        clock: this.clock,
        policy: options.retry,
        retryable: options.retryable,
        budgetName: options.budgetName,
        random: options.random,
      },
    );
  }

  /** One attempt: never retries, throws a TerraCallError for anything but a complete answer. */
  async send(request: HttpRequest, remainingMs: number): Promise<HttpResponse> {
    const { operation } = request;
    const url = this.resolve(request);
    const timeoutMs = Math.max(1, Math.min(request.attemptTimeoutMs ?? Infinity, remainingMs));
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const signal = request.signal ? AbortSignal.any([controller.signal, request.signal]) : controller.signal;
    try {
      return await this.exchange(request, url, signal);
    } catch (error) {
      if (error instanceof TerraCallError) throw error;
      if (controller.signal.aborted || request.signal?.aborted) {
        throw new TerraCallError({ operation, kind: 'timeout', message: `${operation} gave no complete answer within ${roundedMs(timeoutMs)} ms` });
      }
      throw await this.transportError(operation, url, error, remainingMs);
    } finally {
      clearTimeout(timer);
    }
  }

  private resolve(request: HttpRequest): string {
    const { operation } = request;
    const baseProblem = urlProblem(this.options.baseUrl);
    if (baseProblem) throw localRequestError(operation, this.options.redact(`the base URL is unusable: ${baseProblem}`));
    const url = /^[a-z][a-z0-9+.-]*:/i.test(request.url) ? request.url : joinUrl(this.options.baseUrl, request.url);
    const problem = urlProblem(url);
    if (problem) throw localRequestError(operation, this.options.redact(problem));
    if (originOf(url) !== this.origin) {
      throw localRequestError(operation, `${new URL(url).host} is not the configured host ${hostOf(this.options.baseUrl)}, and credentials go nowhere else`);
    }
    const headerProblem = headersProblem(request.headers ?? {}, this.options.headerLabels);
    if (headerProblem) throw localRequestError(operation, headerProblem, 'remove the stray characters from the variable or secret that holds it');
    return url;
  }

  private async exchange(request: HttpRequest, firstUrl: string, signal: AbortSignal): Promise<HttpResponse> {
    const fetchFn: FetchFn = this.options.fetch ?? ((u, i) => fetch(u, i));
    const maxRedirects = this.options.maxRedirects ?? 5;
    let url = firstUrl;
    let method = request.method;
    let body = request.body;
    let headers: Record<string, string> = { ...request.headers };
    for (let hop = 0; ; hop++) {
      const response = await fetchFn(url, { method, headers, body, redirect: 'manual', signal });
      const location = response.headers.get('location');
      if (request.redirects !== 'return' && REDIRECT_STATUSES.includes(response.status) && location) {
        discardBody(response);
        const next = this.redirectTarget(request.operation, response.status, url, location);
        if (hop >= maxRedirects) throw tooManyRedirects(request.operation, response.status, maxRedirects);
        // WHATWG Fetch: 303, and 301/302 after a POST, continue as a GET without the body.
        if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
          method = 'GET';
          body = undefined;
          headers = Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'content-type'));
        }
        url = next;
        continue;
      }
      const bytes = await readCappedBody(response, request.maxBodyBytes, () => responseTooLarge(request.operation, response.status, request.maxBodyBytes));
      return {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
        url,
        body: bytes,
        text: () => new TextDecoder().decode(bytes),
      };
    }
  }

  private redirectTarget(operation: string, status: number, from: string, location: string): string {
    let target: URL;
    try {
      target = new URL(location, from);
    } catch {
      throw new TerraCallError({ operation, kind: 'malformed', status, message: `${operation} answered a redirect (HTTP ${status}) to a Location that is not a URL` });
    }
    if (target.origin !== this.origin) throw crossOriginRedirect(operation, status, target.host, hostOf(this.options.baseUrl));
    return target.href;
  }

  private async transportError(operation: string, url: string, error: unknown, remainingMs: number): Promise<TerraCallError> {
    // fetch reports transport failures as TypeError "fetch failed" (with a cause); any other TypeError is
    // fetch refusing the request before sending, which the local checks should have caught.
    if (error instanceof TypeError && error.message !== 'fetch failed') {
      const reason = sanitizeRemoteText(this.options.redact(error.message));
      return localRequestError(operation, `fetch refused to build the request (${reason})`);
    }
    const why = (await diagnoseConnection(url, Math.min(1000, remainingMs)));
    return new TerraCallError({ operation, kind: 'network', message: `${operation} failed: ${this.options.redact(why)}` });
  }
}

/** `base` + `/path`, keeping the base's own path (`…/api/v3/admin` + `/me`). */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
