import { adminCode } from '../../catalog/admin-codes';
import { normalizeGoogleScope } from '../../catalog/google-scopes';
import { PROVIDER_CODES } from '../../catalog/providers';

/** Sorted and without repeats: the form every list is compared and shown in. */
export function sortedUnique<T extends string>(values: readonly T[]): T[] {
  return [...new Set(values)].sort();
}

/** Custom scopes as a set: Google's short names (`fitness.sleep.read`) in their full URL form. */
export function normalizeScopes(provider: string, scopes: readonly string[]): string[] {
  return sortedUnique(provider === 'GOOGLE' ? scopes.map(normalizeGoogleScope) : scopes);
}

export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/** The admin API spells providers in lower case, the CLI and data API in upper case: compare without case. */
export function sameCode(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The config/ code (`GARMIN`) of a provider as Terra lists it (`garmin`), when the catalog knows it. */
export function catalogCodeOf(listed: string): string | undefined {
  return PROVIDER_CODES.find((code) => sameCode(adminCode(code), listed));
}

/**
 * The characters of a secret that Terra's mask shows: `****4321` shows `4321` (setSourceCredentials example).
 * Undefined for a mask that shows none, so a constant mask weakens the check instead of faking a match.
 */
export function maskSuffix(mask: string | undefined): string | undefined {
  // The bullet is escaped by hand: esbuild's ASCII output rewrote a literal `•` as `\u{2022}`, which a regex
  // without the `u` flag reads as the letters and digits `u{2022}`, so the digits of `****0000` vanished
  // (https://github.com/evanw/esbuild/pull/4205).
  const match = mask === undefined ? null : /^[*\u2022]+([^*\u2022]+)$/.exec(mask);
  return match ? match[1] : undefined;
}

/**
 * Whether two destination URLs name the same endpoint: scheme and host without case, the default port and a
 * trailing slash ignored. A false "different" would replace the destination and rotate its signing secret.
 */
export function sameUrl(a: string, b: string): boolean {
  const key = (text: string) => {
    try {
      const url = new URL(text);
      return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}${url.search}`;
    } catch {
      return text;
    }
  };
  return key(a) === key(b);
}
