import type * as TerraSdk from 'terra-api';
import { BODY_LIMITS } from '../http/body-limits';
import { HttpClient, type HttpResponse } from '../http/http-client';
import { localRequestError } from '../http/http-errors';
import { urlProblem } from '../http/local-checks';
import { sanitizeRemoteText, type Redactor } from '../http/redact';
import { DEFAULT_RETRY_POLICY, withRetries, type RetryPolicy } from '../http/retry';
import { TerraCallError, errorBodyDetail, parseRetryAfter } from '../http/terra-call-error';
import { roundedMs } from '../http/url';
import { runWithSdkFetch, type SdkCall } from './sdk-fetch';
import {
  parseDetailedIntegrations,
  parseIntegrations,
  parseUserCount,
  parseWidgetSession,
  type DetailedIntegration,
  type IntegrationCatalog,
  type Parsed,
  type UserCount,
  type WidgetSession,
} from './terra-responses';

/** Where and as whom to call Terra's data API. */
export interface TerraClientOptions {
  /** Data API base, e.g. https://api.tryterra.co/v2 or https://access.tryterra.co/api/v2. */
  baseUrl: string;
  devId: string;
  apiKey: string;
  /** Masks the API key (and any other secret) in everything this client reports. */
  redact: Redactor;
  retry?: RetryPolicy;
}

/** Time left for one logical call, retries included. */
export interface CallBudget {
  /** Epoch milliseconds. */
  deadline: number;
}

/**
 * The SDK, loaded on first use rather than imported: Pulumi serializes the smoke test's dynamic provider
 * with its closure (https://www.pulumi.com/docs/iac/concepts/functions/function-serialization/), and a `require` inside a function stays a `require` in the serialized code
 * instead of the SDK being copied by value. It also keeps the SDK out of `validate`'s start-up.
 */
function loadSdk(): typeof TerraSdk {
  return require('terra-api') as typeof TerraSdk;
}

/** How much later than ours the SDK's own per-request timer fires. */
const SDK_TIMEOUT_MARGIN_MS = 100;

type SdkRequestOptions = { maxRetries: number; timeoutInSeconds: number };

/** How the data API's credential headers are named in local-problem messages. */
const HEADER_LABELS = { 'x-api-key': 'the API key (x-api-key header)', 'dev-id': 'the dev-id (dev-id header)' } as const;

/**
 * Terra's data API through the official `terra-api` SDK, with this project's policy in force: the SDK's
 * own retries are off (`maxRetries: 0`) and its 60 s default timeout is replaced by the caller's budget,
 * so `withRetries` decides about 429/5xx/network errors and `Retry-After` (terra-api@2.1.0 Client.d.ts
 * `RequestOptions`). Every request the SDK makes goes through the HTTP core (see sdk-fetch.ts): no
 * redirect off the base URL's origin, a size cap per call, and local problems named before sending.
 */
export class TerraApiClient {
  private readonly sdk: TerraSdk.TerraClient;
  private readonly errors: Pick<typeof TerraSdk, 'TerraError' | 'TerraTimeoutError'>;
  private readonly http: HttpClient;

  constructor(private readonly options: TerraClientOptions) {
    const { TerraClient, TerraError, TerraTimeoutError } = loadSdk();
    this.errors = { TerraError, TerraTimeoutError };
    this.sdk = new TerraClient({ baseUrl: options.baseUrl, devId: options.devId, apiKey: options.apiKey });
    this.http = new HttpClient({ baseUrl: options.baseUrl, redact: options.redact, headerLabels: HEADER_LABELS });
  }

  /** `GET /integrations` (no authentication needed: data-api-v2.yaml declares no security on it). */
  listIntegrations(budget: CallBudget): Promise<IntegrationCatalog> {
    return this.call('GET /integrations', BODY_LIMITS.dataCatalog, budget, (o) => this.sdk.integrations.fetch(o), parseIntegrations);
  }

  /** `GET /integrations/detailed?sdk=true` with the dev-id: the providers enabled for this environment. */
  listEnabledIntegrations(budget: CallBudget): Promise<DetailedIntegration[]> {
    return this.call('GET /integrations/detailed', BODY_LIMITS.dataCatalog, budget, (o) => this.sdk.integrations.detailedfetch({ sdk: true }, o), parseDetailedIntegrations);
  }

  /** `GET /subscriptions?page=0&per_page=1`: authenticated, side-effect free, and it counts users. */
  countUsers(budget: CallBudget): Promise<UserCount> {
    return this.call('GET /subscriptions', BODY_LIMITS.dataUsers, budget, (o) => this.sdk.user.getalluserids({ page: 0, per_page: 1 }, o), parseUserCount);
  }

  /** `POST /auth/generateWidgetSession` for these providers (mints a session that expires in 15 minutes). */
  generateWidgetSession(providers: readonly string[], budget: CallBudget): Promise<WidgetSession> {
    const request = { providers: providers.join(','), reference_id: 'terra-iac-smoke-test', language: 'en' };
    return this.call(
      'POST /auth/generateWidgetSession',
      BODY_LIMITS.dataWidgetSession,
      budget,
      (o) => this.sdk.authentication.generatewidgetsession(request, o),
      parseWidgetSession,
    );
  }

  private call<T>(
    operation: string,
    maxBodyBytes: number,
    budget: CallBudget,
    invoke: (o: SdkRequestOptions) => PromiseLike<unknown>,
    parse: (body: unknown) => Parsed<T>,
  ): Promise<T> {
    return withRetries(
      async (remainingMs) => {
        const baseProblem = urlProblem(this.options.baseUrl);
        if (baseProblem) throw localRequestError(operation, this.options.redact(`the base URL is unusable: ${baseProblem}`));
        const call: SdkCall = {
          fetch: async (url, init) => {
            try {
              return toFetchResponse(await this.http.send({ operation, method: init.method ?? 'GET', url, headers: plainHeaders(init.headers), body: bodyText(init.body), maxBodyBytes, signal: init.signal ?? undefined }, remainingMs));
            } catch (error) {
              call.error = error;
              throw error;
            }
          },
        };
        try {
          // The core's timer (which also covers reading the body) fires first. The SDK's is only just later
          // because terra-api@2.1.0 does not clear its timer when fetch rejects (core/fetcher/makeRequest.js):
          // a leaked timer must not outlive the run's deadline by more than the margin.
          const sdkTimeoutSeconds = (remainingMs + SDK_TIMEOUT_MARGIN_MS) / 1000;
          const body = await runWithSdkFetch(call, async () => invoke({ maxRetries: 0, timeoutInSeconds: sdkTimeoutSeconds }));
          if (!call.used) throw new TerraCallError({ operation, kind: 'malformed', message: `${operation} was answered without going through terra-iac's HTTP core; this is a terra-iac bug, please report it` });
          return this.parseBody(operation, body, parse);
        } catch (error) {
          // The SDK turns whatever its fetch threw into a TerraError with only a message; the core's typed error wins.
          if (call.error instanceof TerraCallError) throw call.error;
          if (error instanceof TerraCallError) throw error;
          throw this.classify(operation, error, remainingMs);
        }
      },
      { deadline: budget.deadline, policy: this.options.retry ?? DEFAULT_RETRY_POLICY },
    );
  }

  private parseBody<T>(operation: string, body: unknown, parse: (body: unknown) => Parsed<T>): T {
    // terra-api returns an unparsable 2xx body as a value `{ok: false, error: {reason: "non-json"}}` instead of throwing.
    const nonJson = body !== null && typeof body === 'object' && (body as { error?: { reason?: string } }).error?.reason === 'non-json';
    const parsed: Parsed<T> = nonJson
      ? { ok: false, reason: 'the body is not valid JSON' }
      : body === undefined
        ? { ok: false, reason: 'the body is empty' }
        : parse(body);
    if (parsed.ok) return parsed.value;
    const reason = this.remoteText(parsed.reason);
    return this.fail({ operation, kind: 'malformed', message: `${operation} answered with an unexpected body: ${reason}` });
  }

  private classify(operation: string, error: unknown, remainingMs: number): TerraCallError {
    if (error instanceof this.errors.TerraTimeoutError) {
      return new TerraCallError({ operation, kind: 'timeout', message: `${operation} gave no complete answer within ${roundedMs(remainingMs)} ms` });
    }
    if (error instanceof this.errors.TerraError && error.statusCode !== undefined) {
      const detail = this.remoteText(errorBodyDetail(error.body) ?? '') || undefined;
      const retryAfterMs = parseRetryAfter(error.rawResponse?.headers?.get('retry-after'));
      const message = `${operation} answered HTTP ${error.statusCode}${detail ? `: ${detail}` : ''}`;
      return new TerraCallError({ operation, kind: 'http', status: error.statusCode, detail, retryAfterMs, message });
    }
    const text = error instanceof Error ? error.message : String(error);
    // An error status whose JSON body does not parse surfaces as a SyntaxError message from the SDK.
    if (/JSON/.test(text)) {
      return new TerraCallError({ operation, kind: 'malformed', message: `${operation} answered with an error body that is not valid JSON` });
    }
    // Transport failures arrive as the core's own errors above; what is left failed inside the SDK.
    return new TerraCallError({ operation, kind: 'malformed', message: `${operation} failed in terra-api: ${this.remoteText(text)}` });
  }

  private remoteText(text: string): string {
    // Redact before cutting, so a truncated secret cannot slip through as a prefix.
    return sanitizeRemoteText(this.options.redact(text));
  }

  private fail(init: ConstructorParameters<typeof TerraCallError>[0]): never {
    throw new TerraCallError(init);
  }
}

/** The core's answer as the Response the SDK reads (null body where the status forbids one). */
function toFetchResponse(response: HttpResponse): Response {
  const empty = response.body.byteLength === 0 || [204, 205, 304].includes(response.status);
  return new Response(empty ? null : response.body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/** The SDK passes headers as a plain object (core/fetcher/Fetcher.js `getHeaders`); other shapes are accepted too. */
function plainHeaders(headers: RequestInit['headers']): Record<string, string> {
  if (!headers) return {};
  if (headers instanceof Headers || Array.isArray(headers)) return Object.fromEntries(new Headers(headers).entries());
  return { ...(headers as Record<string, string>) };
}

/** The SDK sends JSON bodies as strings (core/fetcher/getRequestBody.js). */
function bodyText(body: RequestInit['body']): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  throw new TypeError('terra-api sent a non-text request body, which terra-iac does not expect');
}
