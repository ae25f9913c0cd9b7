import { VERSION } from '../../core/version';
import { diagnoseConnection } from '../http/network-diagnosis';
import type { Redactor } from '../http/redact';
import { DEFAULT_RETRY_POLICY, withRetries, type RetryPolicy } from '../http/retry';
import { TerraCallError, parseRetryAfter } from '../http/terra-call-error';
import { roundedMs } from '../data/terra-client';
import { sign } from './webhook-signature';

/** How a webhook receiver answered one delivery. */
export interface DeliveryAnswer {
  status: number;
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
 * A `healthcheck` event (FACTS 2.4, [SDK] HealthcheckEvent): informational, so a correct receiver acks it
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
 * same value (the platform sends both, agent-skills webhooks-verify-raw-body.md). Redirects are not
 * followed: Terra counts a 3xx as a failed delivery (destinations doc). Retries 429/5xx/network like the client.
 */
export function deliverWebhook(delivery: WebhookDelivery): Promise<DeliveryAnswer> {
  const operation = `POST ${safeUrl(delivery.url)}`;
  const secret = delivery.signWith === 'forged' ? randomHex(24) : delivery.signWith.secret;
  return withRetries(
    async (remainingMs) => {
      const signature = sign(secret, delivery.body);
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), remainingMs);
      try {
        const response = await fetch(delivery.url, {
          method: 'POST',
          redirect: 'manual',
          signal: controller.signal,
          headers: {
            'content-type': 'application/json',
            'terra-signature': signature,
            'x-terra-signature': signature,
            'terra-reference': `terra-iac-smoke-${globalThis.crypto.randomUUID()}`,
            'user-agent': `terra-iac-smoke/${VERSION}`,
          },
          body: delivery.body,
        });
        await response.arrayBuffer().catch(() => undefined);
        if (response.status === 429 || response.status >= 500) {
          const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
          throw new TerraCallError({ operation, kind: 'http', status: response.status, retryAfterMs, message: `${operation} answered HTTP ${response.status}` });
        }
        return { status: response.status };
      } catch (error) {
        if (error instanceof TerraCallError) throw error;
        if (controller.signal.aborted) {
          throw new TerraCallError({ operation, kind: 'timeout', message: `${operation} gave no answer within ${roundedMs(remainingMs)} ms` });
        }
        const why = await diagnoseConnection(delivery.url, Math.min(1000, remainingMs));
        throw new TerraCallError({ operation, kind: 'network', message: `${operation} failed: ${delivery.redact(why)}` });
      } finally {
        clearTimeout(timer);
      }
    },
    { deadline: delivery.deadline, policy: delivery.retry ?? DEFAULT_RETRY_POLICY },
  );
}

/** The URL without credentials or query (a query may carry a token), for messages. */
export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return '<invalid URL>';
  }
}

/** Web Crypto (a Node global) rather than node:crypto, so the serialized Pulumi provider needs no import. */
function randomHex(bytes: number): string {
  return Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(bytes))).toString('hex');
}
