/**
 * Problems with a request that can be seen before sending it. fetch would refuse these too, but with a
 * TypeError that looks like any network failure ("fetch failed"), and that would be retried and then
 * diagnosed as "TLS or protocol error?". Here they get a message that says what is wrong, locally.
 */

/** What is wrong with a URL terra-iac is about to call, or undefined when nothing is. */
export function urlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // The text itself is not repeated: an unparsable URL may still hold a password.
    return 'the URL is not a valid absolute URL (expected https://host/path)';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return `the URL uses ${parsed.protocol.replace(/:$/, '')}, but only https (and http for local tests) can be called`;
  }
  if (parsed.username || parsed.password) {
    // WHATWG Fetch refuses such URLs ("Request cannot be constructed from a URL that includes credentials").
    return `the URL ${parsed.protocol}//…@${parsed.host} carries a user name or password before the host; remove it: credentials come from the environment, never from the URL`;
  }
  return undefined;
}

/**
 * What is wrong with one header value, or undefined. RFC 9110 §5.5: a field value is visible ASCII,
 * space, tab and obs-text (0x80-0xFF); CR, LF and NUL are never allowed, and fetch's ByteString conversion
 * rejects anything above 0xFF. The value itself is never quoted: it is usually a credential.
 */
export function headerValueProblem(value: string): string | undefined {
  if (/[\r\n]/.test(value)) return 'contains a line break (CR or LF), often a trailing newline copied along with the value';
  // eslint-disable-next-line no-control-regex
  if (/\u0000/.test(value)) return 'contains a NUL character';
  // eslint-disable-next-line no-control-regex
  if (/[\u0001-\u0008\u000b-\u001f\u007f]/.test(value)) return 'contains a control character';
  if (/[^\u0000-\u00ff]/.test(value)) return 'contains a character outside Latin-1, which an HTTP header cannot carry';
  return undefined;
}

/**
 * The first problem among these headers, named by `labels` (e.g. `x-api-key` → "the API key (TERRA_API_KEY)")
 * or else by the header's name.
 */
export function headersProblem(headers: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>> = {}): string | undefined {
  for (const [name, value] of Object.entries(headers)) {
    const problem = headerValueProblem(value);
    if (problem) return `${labels[name.toLowerCase()] ?? `the value of header ${name}`} ${problem}`;
  }
  return undefined;
}
