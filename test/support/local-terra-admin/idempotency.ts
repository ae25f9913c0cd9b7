import type { Reply } from './context';

/**
 * Stripe-style idempotency (admin-api.yaml `IdempotencyKey`: "same key + same body replays the stored
 * response; same key + different body → 409. Mutations only."). Whether Terra scopes keys per token or
 * per dev-id is not published; the fake scopes them per (token, method, path, key).
 */
export interface StoredReply {
  fingerprint: string;
  reply: Reply;
}

export class IdempotencyStore {
  private readonly entries = new Map<string, StoredReply>();

  static key(token: string, method: string, path: string, idempotencyKey: string): string {
    return JSON.stringify([token, method, path, idempotencyKey]);
  }

  get(key: string): StoredReply | undefined {
    return this.entries.get(key);
  }

  set(key: string, stored: StoredReply): void {
    this.entries.set(key, stored);
  }

  get size(): number {
    return this.entries.size;
  }
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}

/** What "the same request" means: the same query and the same JSON body (key order and spacing aside). */
export function fingerprint(query: Record<string, string>, rawBody: string): string {
  let body: unknown = rawBody;
  try {
    if (rawBody.trim() !== '') body = canonical(JSON.parse(rawBody));
  } catch {
    // Not JSON: compare the text as sent.
  }
  return JSON.stringify([canonical(query), body]);
}
