import { secretShapedRanges } from '../../core/secret-mask';
import { secretShapeOf } from './secret-shape';

/** What of a URL is a credential: the user-info part (`user:password@`) and query parameters with secret values. */
export interface UrlCredentials {
  userinfo: boolean;
  /** Names of query parameters whose value (or, for a bare `?token`, whose name) looks like a secret. */
  secretParams: string[];
}

/** One `name=value` of a raw query string, undecoded, as the URL spells it. */
interface RawParam {
  raw: string;
  name: string;
  value: string | undefined;
}

function rawParams(search: string): RawParam[] {
  if (search.length <= 1) return [];
  return search
    .slice(1)
    .split('&')
    .map((raw) => {
      const eq = raw.indexOf('=');
      return eq === -1 ? { raw, name: raw, value: undefined } : { raw, name: raw.slice(0, eq), value: raw.slice(eq + 1) };
    });
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/**
 * A secret-shaped value: the secret-literal rule's notion (a Terra-shaped token, or keyword + entropy as
 * gitleaks' generic rule), or the long letter-and-digit token code frames mask.
 */
function secretShaped(name: string, value: string): boolean {
  return secretShapeOf(name, value) !== undefined || secretShapedRanges(value).length > 0;
}

function isSecretParam(param: RawParam): boolean {
  const name = decode(param.name);
  return param.value === undefined ? secretShaped('', name) : secretShaped(name, decode(param.value));
}

function parse(raw: string): URL | undefined {
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}

/** The credentials a URL carries; undefined when it carries none or does not parse. */
export function urlCredentials(raw: string): UrlCredentials | undefined {
  // The WHATWG URL parser finds user info only after an `@` and a query only after a `?`
  // (https://url.spec.whatwg.org/#concept-basic-url-parser): most URLs need no parse at all.
  if (!raw.includes('@') && !raw.includes('?')) return undefined;
  const url = parse(raw.trim());
  if (!url) return undefined;
  const userinfo = url.username !== '' || url.password !== '';
  const secretParams = rawParams(url.search).filter(isSecretParam).map((p) => decode(p.name));
  return userinfo || secretParams.length > 0 ? { userinfo, secretParams } : undefined;
}

/**
 * The URL with its credentials replaced by `marker`: the user-info part, and the value of every query
 * parameter `urlCredentials` flags. Anything else (host, path, other parameters) is kept as written.
 */
export function withoutUrlCredentials(raw: string, marker: string): string {
  const url = parse(raw.trim());
  if (!url || !urlCredentials(raw)) return raw;
  const userinfo = url.username !== '' || url.password !== '' ? `${marker}@` : '';
  const params = rawParams(url.search).map((p) => {
    if (!isSecretParam(p)) return p.raw;
    return p.value === undefined ? marker : `${p.name}=${marker}`;
  });
  const search = params.length ? `?${params.join('&')}` : '';
  return `${url.protocol}//${userinfo}${url.host}${url.pathname}${search}${url.hash}`;
}
