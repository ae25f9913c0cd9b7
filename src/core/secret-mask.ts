/** What replaces a secret: fixed length, so the output does not even reveal how long it was. */
export const MASK = '********';

/**
 * Long mixed letter-and-digit tokens look like keys: masked in every frame and every message, whatever
 * rule pointed near them (the same idea as gitleaks' generic-api-key rule,
 * https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml; Terra keys are 32+ URL-safe characters).
 */
const SECRET_SHAPED = /[A-Za-z0-9_\-+/=]{24,}/g;

/** Paths and URLs are long too: a token with a slash counts only with mixed case and digits, like base64. */
function looksSecret(token: string): boolean {
  if (!/[0-9]/.test(token) || !/[A-Za-z]/.test(token)) return false;
  return !token.includes('/') || (/[a-z]/.test(token) && /[A-Z]/.test(token));
}

/** The [from, to) ranges of a text that hold secret-shaped tokens. */
export function secretShapedRanges(text: string): Array<[number, number]> {
  if (text.length < 24) return [];
  const ranges: Array<[number, number]> = [];
  for (const match of text.matchAll(SECRET_SHAPED)) {
    if (looksSecret(match[0])) ranges.push([match.index, match.index + match[0].length]);
  }
  return ranges;
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
