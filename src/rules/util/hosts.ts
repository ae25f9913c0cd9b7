import { TUNNEL_HOST_SUFFIXES } from '../../catalog/terra-hosts';

/** Why a webhook host cannot be reached by Terra's servers, or only reaches a developer's laptop. */
export type HostConcern = 'loopback' | 'private' | 'link-local' | 'unspecified' | 'local-name' | 'tunnel';

export interface HostClassification {
  concern: HostConcern;
  /** Human words for messages: "a loopback address", "an ngrok tunnel (ngrok.io)". */
  what: string;
}

/** Parses an absolute http(s) URL; undefined for anything else (the schema reports bad URLs). */
export function parseHttpUrl(text: string): URL | undefined {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Names that never resolve on the public internet: RFC 6761 (localhost), RFC 6762 (.local),
 * RFC 8375 (.home.arpa), and the de-facto private suffixes .internal and .lan.
 */
const LOCAL_SUFFIXES = ['localhost', 'local', 'internal', 'home.arpa', 'lan'];

/** Classifies a URL host (as `URL.hostname` gives it); undefined when it is a public name or address. */
export function classifyHost(hostname: string): HostClassification | undefined {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[')) return classifyIpv6(host.slice(1, -1));
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return classifyIpv4(host.split('.').map(Number));
  const tunnel = TUNNEL_HOST_SUFFIXES.find((suffix) => host === suffix || host.endsWith(`.${suffix}`));
  if (tunnel) return { concern: 'tunnel', what: `a tunnel or request-inspection host (${tunnel})` };
  const local = LOCAL_SUFFIXES.find((suffix) => host === suffix || host.endsWith(`.${suffix}`));
  if (local) return { concern: 'local-name', what: `a local-only name (.${local})` };
  if (!host.includes('.')) return { concern: 'local-name', what: 'a single-label name that does not resolve publicly' };
  return undefined;
}

function classifyIpv4([a, b]: number[]): HostClassification | undefined {
  if (a === 127) return { concern: 'loopback', what: 'a loopback address (127.0.0.0/8)' };
  if (a === 0) return { concern: 'unspecified', what: 'the unspecified address (0.0.0.0/8)' };
  if (a === 10) return { concern: 'private', what: 'a private address (10.0.0.0/8, RFC 1918)' };
  if (a === 172 && b! >= 16 && b! <= 31) return { concern: 'private', what: 'a private address (172.16.0.0/12, RFC 1918)' };
  if (a === 192 && b === 168) return { concern: 'private', what: 'a private address (192.168.0.0/16, RFC 1918)' };
  if (a === 100 && b! >= 64 && b! <= 127) return { concern: 'private', what: 'a carrier-grade NAT address (100.64.0.0/10, RFC 6598)' };
  if (a === 169 && b === 254) return { concern: 'link-local', what: 'a link-local address (169.254.0.0/16)' };
  return undefined;
}

function classifyIpv6(address: string): HostClassification | undefined {
  if (address === '::1') return { concern: 'loopback', what: 'the IPv6 loopback address (::1)' };
  if (address === '::') return { concern: 'unspecified', what: 'the unspecified IPv6 address (::)' };
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address);
  if (mapped) {
    const high = parseInt(mapped[1]!, 16);
    const low = parseInt(mapped[2]!, 16);
    return classifyIpv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  }
  const first = parseInt(address.split(':')[0] || '0', 16);
  if ((first & 0xfe00) === 0xfc00) return { concern: 'private', what: 'a unique local IPv6 address (fc00::/7)' };
  if ((first & 0xffc0) === 0xfe80) return { concern: 'link-local', what: 'a link-local IPv6 address (fe80::/10)' };
  return undefined;
}
