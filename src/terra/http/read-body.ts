/**
 * Reads a response body up to `maxBytes` through a streaming reader. Past the cap it stops, cancels the
 * body (so the connection is released and an endless chunked answer stops arriving) and calls `tooLarge`.
 * A declared Content-Length past the cap fails before the first byte is read.
 */
export async function readCappedBody(response: Response, maxBytes: number, tooLarge: () => Error): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? '');
  const encoded = (response.headers.get('content-encoding') ?? 'identity').toLowerCase() !== 'identity';
  // Only an unencoded length says how much will be decoded; a compressed one is checked as it inflates.
  if (!encoded && Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** Drops a body that will not be used (a redirect's), without waiting for it. */
export function discardBody(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}
