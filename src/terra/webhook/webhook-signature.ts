import { nodeCrypto } from '../../core/node-crypto';

/**
 * Terra's webhook signature scheme: header `terra-signature: t=<unix seconds>,v1=<hex>` where v1 is
 * HMAC-SHA256(signing secret, `${t}.${rawBody}`). Sources: https://docs.tryterra.co/verifying-signatures,
 * terra-api@2.1.0 `verifyTerraWebhookSignature` (300 s tolerance both ways), agent-skills
 * `webhooks-verify-raw-body.md` (the platform sends `X-Terra-Signature` and a deprecated `Terra-Signature`).
 */
export const SIGNATURE_HEADERS = ['terra-signature', 'x-terra-signature'] as const;

/** Seconds a signature's timestamp may differ from now, in either direction (the official SDKs' default). */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** Why a signature was refused; never includes the secret or the expected digest. */
export type SignatureFailure = 'missing-header' | 'malformed-header' | 'no-v1-signature' | 'timestamp-out-of-tolerance' | 'mismatch';

export type VerifyResult = { valid: true; timestamp: number } | { valid: false; reason: SignatureFailure };

export interface VerifyOptions {
  /** Allowed clock difference in seconds; default 300. */
  tolerance?: number;
  /** The current time in unix seconds; default the system clock. */
  now?: number;
}

/** Request headers as Node (`IncomingHttpHeaders`), fetch (`Headers`) or a plain object give them. */
export type HeaderSource = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

/** The hex HMAC-SHA256 Terra puts in `v1`. */
export function computeSignature(secret: string, rawBody: string | Buffer, timestamp: number): string {
  return nodeCrypto().createHmac('sha256', Buffer.from(secret, 'utf8')).update(`${timestamp}.`).update(rawBody).digest('hex');
}

/** The header value Terra would send for this body: `t=<seconds>,v1=<hex>`. */
export function sign(secret: string, rawBody: string | Buffer, t: number = Math.floor(Date.now() / 1000)): string {
  return `t=${t},v1=${computeSignature(secret, rawBody, t)}`;
}

/** Splits `t=...,v1=...,v0=...`; every `v1` is kept, other schemes are ignored against downgrade attacks. */
export function parseSignatureHeader(value: string): { timestamp?: number; v1: string[] } {
  let timestamp: number | undefined;
  const v1: string[] = [];
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    const key = part.slice(0, eq).trim();
    const item = part.slice(eq + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(item)) timestamp = Number(item);
    else if (key === 'v1' && item) v1.push(item);
  }
  return { timestamp, v1 };
}

/** Reads `terra-signature` or `x-terra-signature`, whatever their case; the first one present wins. */
export function readSignatureHeader(headers: HeaderSource): string | undefined {
  if (typeof (headers as Headers).get === 'function') {
    for (const name of SIGNATURE_HEADERS) {
      const value = (headers as Headers).get(name);
      if (value) return value;
    }
    return undefined;
  }
  const entries = Object.entries(headers as Record<string, string | readonly string[] | undefined>);
  for (const name of SIGNATURE_HEADERS) {
    const found = entries.find(([key]) => key.toLowerCase() === name);
    const value = found?.[1];
    const text = Array.isArray(value) ? value[0] : value;
    if (typeof text === 'string' && text) return text;
  }
  return undefined;
}

/** Verifies a delivery: raw body exactly as received, constant-time comparison of every `v1`. */
export function verify(headers: HeaderSource, rawBody: string | Buffer, secret: string, options: VerifyOptions = {}): VerifyResult {
  const header = readSignatureHeader(headers);
  if (!header) return { valid: false, reason: 'missing-header' };
  const { timestamp, v1 } = parseSignatureHeader(header);
  if (timestamp === undefined) return { valid: false, reason: 'malformed-header' };
  if (v1.length === 0) return { valid: false, reason: 'no-v1-signature' };
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE_SECONDS;
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > tolerance) return { valid: false, reason: 'timestamp-out-of-tolerance' };
  const expected = Buffer.from(computeSignature(secret, rawBody, timestamp), 'utf8');
  // Compare against every v1 without stopping early, so timing does not reveal which one matched.
  const { timingSafeEqual } = nodeCrypto();
  let matched = false;
  for (const candidate of v1) {
    const given = Buffer.from(candidate.toLowerCase(), 'utf8');
    if (given.length === expected.length && timingSafeEqual(given, expected)) matched = true;
  }
  return matched ? { valid: true, timestamp } : { valid: false, reason: 'mismatch' };
}
