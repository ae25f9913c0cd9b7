import { VERSION } from '../../core/version';
import { BODY_LIMITS } from '../http/body-limits';
import { HttpClient, type HttpResponse } from '../http/http-client';
import type { Redactor } from '../http/redact';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../http/retry';
import { TerraCallError, parseRetryAfter } from '../http/terra-call-error';
import { safeUrl } from '../http/url';
import { sign } from './webhook-signature';

/** How a webhook receiver answered one delivery. */
export interface DeliveryAnswer {
  status: number;
  /** For a 3xx: the host its Location points at (never followed). */
  redirectHost?: string;
}

export interface WebhookDelivery {
  url: string;
  /** The exact bytes sent; the signature covers them. */
  body: string;
  /** Signing secret, or `forged` to sign with a random key that no receiver can know. */
  signWith: { secret: string } | 'forged';
  deadline: number;
  redact: Redactor;
  retry?: RetryPolicy;
}

/**
 * A `healthcheck` event (terra-api@2.1.0 `HealthcheckEvent`): informational, so a correct receiver acks it
 * with 2xx and stores nothing. `terra-reference` marks it as ours for anyone reading the receiver's logs.
 */
export function smokeTestEvent(now: Date = new Date()): string {
  return JSON.stringify({
    type: 'healthcheck',
    status: 'success',
    creation_timestamp: now.toISOString(),
    trend_percentage: 0,
    sent_webhooks_last_hour: 0,
  });
}

/**
 * Posts an event the way Terra does: raw JSON body, `terra-signature` plus `x-terra-signature` with the
 * same value (the platform sends both, agent-skills webhooks-verify-raw-body.md). Redirects are handed
 * back, not followed: Terra counts a 3xx as a failed delivery (destinations doc), and a signature must not
 * travel to another host. Through the HTTP core: 429/5xx/network retried within the deadline, a fresh
 * signature per attempt, the receiver's answer capped (Terra reads only its status).
 */
export function deliverWebhook(delivery: WebhookDelivery): Promise<DeliveryAnswer> {
  const operation = `POST ${safeUrl(delivery.url)}`;
  const secret = delivery.signWith === 'forged' ? randomHex(24) : delivery.signWith.secret;
  const http = new HttpClient({ baseUrl: delivery.url, redact: delivery.redact });
  return http.request(
    () => {
      const signature = sign(secret, delivery.body);
      return {
        operation,
        method: 'POST',
        url: delivery.url,
        redirects: 'return',
        maxBodyBytes: BODY_LIMITS.webhookAnswer,
        headers: {
          'content-type': 'application/json',
          'terra-signature': signature,
          'x-terra-signature': signature,
          'terra-reference': `terra-iac-smoke-${globalThis.crypto.randomUUID()}`,
          'user-agent': `terra-iac-smoke/${VERSION}`,
        },
        body: delivery.body,
      };
    },
    {
      deadline: delivery.deadline,
      retry: delivery.retry ?? DEFAULT_RETRY_POLICY,
      check: (response) => {
        if (response.status === 429 || response.status >= 500) {
          const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
          throw new TerraCallError({ operation, kind: 'http', status: response.status, retryAfterMs, message: `${operation} answered HTTP ${response.status}` });
        }
        return { status: response.status, ...redirectHost(response) };
      },
    },
  );
}

function redirectHost(response: HttpResponse): { redirectHost?: string } {
  const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
  if (!location) return {};
  try {
    return { redirectHost: new URL(location, response.url).host };
  } catch {
    return {};
  }
}

/** Web Crypto (a Node global) rather than node:crypto, so the serialized Pulumi provider needs no import. */
function randomHex(bytes: number): string {
  return Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(bytes))).toString('hex');
}
