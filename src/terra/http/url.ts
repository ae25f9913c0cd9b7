/** The URL without credentials or query (a query may carry a token), for messages. */
export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return '<invalid URL>';
  }
}

/** `scheme://host:port` of a URL, the unit credentials are bound to; undefined when it does not parse. */
export function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** 2998 ms left of a 3000 ms budget reads better as 3000. */
export function roundedMs(ms: number): number {
  return Math.ceil(ms / 100) * 100;
}

/** `host[:port]` of a URL, for messages. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '<invalid URL>';
  }
}
