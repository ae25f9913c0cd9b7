/**
 * UTF-16 or UTF-32 text, told by its byte order mark (or, without one, by every other byte being NUL in
 * plain ASCII text): what Windows editors and PowerShell's `>` write. Undefined for anything else.
 */
export function utf16Kind(bytes: Buffer): string | undefined {
  const [b0, b1, b2, b3] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) return 'UTF-32 (little-endian, with a byte order mark)';
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return 'UTF-32 (big-endian, with a byte order mark)';
  if (b0 === 0xff && b1 === 0xfe) return 'UTF-16 (little-endian, with a byte order mark)';
  if (b0 === 0xfe && b1 === 0xff) return 'UTF-16 (big-endian, with a byte order mark)';
  if (alternatesNul(bytes, 1)) return 'UTF-16 (little-endian, without a byte order mark)';
  if (alternatesNul(bytes, 0)) return 'UTF-16 (big-endian, without a byte order mark)';
  return undefined;
}

/** The first pairs of bytes are all `ASCII, 0` (`nulAt` 1) or `0, ASCII` (`nulAt` 0). */
function alternatesNul(bytes: Buffer, nulAt: 0 | 1): boolean {
  const pairs = Math.min(Math.floor(bytes.length / 2), 64);
  if (pairs < 2) return false;
  for (let i = 0; i < pairs; i++) {
    const nul = bytes[2 * i + nulAt]!;
    const other = bytes[2 * i + 1 - nulAt]!;
    if (nul !== 0 || other === 0 || other > 0x7f) return false;
  }
  return true;
}
