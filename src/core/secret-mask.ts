/** What replaces a secret: fixed length, so the output does not even reveal how long it was. */
export const MASK = '********';

/**
 * Long mixed letter-and-digit tokens look like keys: masked in every frame and every message, whatever
 * rule pointed near them (the same idea as gitleaks' generic-api-key rule,
 * https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml; Terra keys are 32+ URL-safe characters):
 * runs of `[A-Za-z0-9_\-+/=]{24,}`.
 */
const SECRET_SHAPED_CHARS = tokenChars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-+/=');
const SECRET_SHAPED_MIN_LENGTH = 24;

/** A lookup table of ASCII characters that tokens of one kind are made of. */
export function tokenChars(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}

/**
 * The [from, to) ranges of the maximal runs of `chars` at least `minLength` long: what the global regex
 * `[chars]{minLength,}` matches, found in one pass (the regex retries from every character of a shorter run).
 */
export function tokenRuns(text: string, chars: Uint8Array, minLength: number): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let from = -1;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 128;
    if (code < 128 && chars[code] === 1) {
      if (from < 0) from = i;
    } else if (from >= 0) {
      if (i - from >= minLength) runs.push([from, i]);
      from = -1;
    }
  }
  return runs;
}

/** Paths and URLs are long too: a token with a slash counts only with mixed case and digits, like base64. */
function looksSecret(token: string): boolean {
  if (!/[0-9]/.test(token) || !/[A-Za-z]/.test(token)) return false;
  return !token.includes('/') || (/[a-z]/.test(token) && /[A-Z]/.test(token));
}

/** The [from, to) ranges of a text that hold secret-shaped tokens. */
export function secretShapedRanges(text: string): Array<[number, number]> {
  if (text.length < SECRET_SHAPED_MIN_LENGTH) return [];
  return tokenRuns(text, SECRET_SHAPED_CHARS, SECRET_SHAPED_MIN_LENGTH).filter(([from, to]) => looksSecret(text.slice(from, to)));
}

/** The text with every secret-shaped token replaced by MASK: what code frames and messages print. */
export function maskSecretShaped(text: string): string {
  const ranges = secretShapedRanges(text);
  if (ranges.length === 0) return text;
  let out = '';
  let cursor = 0;
  for (const [from, to] of ranges) {
    out += text.slice(cursor, from) + MASK;
    cursor = to;
  }
  return out + text.slice(cursor);
}

/** The text with every occurrence of the given values (longest first) replaced by MASK. */
export function maskValues(text: string, values: readonly string[]): string {
  let out = text;
  for (const value of values) if (value && out.includes(value)) out = out.split(value).join(MASK);
  return out;
}
