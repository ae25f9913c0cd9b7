import { tokenChars, tokenRuns } from '../../core/secret-mask';

/** Shannon entropy in bits per character: how random a string looks. */
export function shannonEntropy(text: string): number {
  if (text.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Key names that suggest a credential; gitleaks' generic-api-key keywords (config/gitleaks.toml). */
const SECRET_KEYWORD = /access|api|auth|credential|creds|key|passw(?:or)?d|pwd|secret|token/i;

/** A value gitleaks' generic rule would consider: one word of 10-150 token characters. */
const GENERIC_VALUE = /^[A-Za-z0-9_.=+/~!@#$%^&*-]{10,150}$/;

/** gitleaks' generic-api-key entropy threshold. */
const GENERIC_MIN_ENTROPY = 3.5;

/** Terra API keys and signing secrets: 32+ URL-safe random characters (hex for signing secrets), `[A-Za-z0-9_-]{32,}`. */
const TERRA_TOKEN_CHARS = tokenChars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-');
const TERRA_TOKEN_MIN_LENGTH = 32;

export type SecretShape = 'terra-key' | 'keyword-entropy';

const hasLetterAndDigit = (s: string) => /[A-Za-z]/.test(s) && /[0-9]/.test(s);

/**
 * Words joined by separators (`acme-health-payloads-2024-eu`) are names, not keys: random keys mix case
 * and digits inside their segments.
 */
function looksLikeSlug(token: string): boolean {
  // `/` too: KMS aliases and path-like names (`alias/acme-env-0001-staging-secrets`) are names.
  const segments = token.split(/[-_./]/);
  return segments.length > 1 && segments.every((s) => /^(?:[a-z]*|[A-Z]*|[0-9]*)$/.test(s));
}

function isRandomToken(token: string): boolean {
  if (!hasLetterAndDigit(token) || looksLikeSlug(token)) return false;
  // Hex has 16 symbols, so its entropy tops out at 4 bits: judge it on its own scale.
  const threshold = /^[0-9a-fA-F]+$/.test(token) ? 3 : 3.7;
  return shannonEntropy(token) >= threshold;
}

/** A Terra-key-shaped token anywhere in the text (free text included). */
export function containsTerraShapedToken(text: string): boolean {
  if (text.length < TERRA_TOKEN_MIN_LENGTH) return false;
  return tokenRuns(text, TERRA_TOKEN_CHARS, TERRA_TOKEN_MIN_LENGTH).some(([from, to]) => isRandomToken(text.slice(from, to)));
}

/**
 * Whether a scalar looks like a credential: a Terra-shaped token anywhere, or (like gitleaks' generic rule) a
 * key name with a credential keyword and a one-word high-entropy value.
 */
export function secretShapeOf(keyName: string | undefined, value: string): SecretShape | undefined {
  if (value.length < 10) return undefined;
  if (containsTerraShapedToken(value)) return 'terra-key';
  const trimmed = value.trim();
  if (
    keyName !== undefined &&
    SECRET_KEYWORD.test(keyName) &&
    GENERIC_VALUE.test(trimmed) &&
    hasLetterAndDigit(trimmed) &&
    !looksLikeSlug(trimmed) &&
    shannonEntropy(trimmed) >= GENERIC_MIN_ENTROPY
  ) {
    return 'keyword-entropy';
  }
  return undefined;
}

/** Absolute URLs are addresses, not credentials (the webhook and Huawei rules check them). */
export function isUrl(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim());
}
