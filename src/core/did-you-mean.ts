/** Levenshtein distance, small inputs only (keys and provider codes). */
export function editDistance(a: string, b: string): number {
  return boundedDistance(a, b, Infinity);
}

/**
 * Levenshtein distance, or a number above `bound` as soon as every path exceeds it: a file with 50,000
 * unknown keys asks for millions of these, and most candidates are far off.
 */
function boundedDistance(a: string, b: string, bound: number): number {
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  const row = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      const value = Math.min(above + 1, row[j - 1]! + 1, diagonal + (ai === b.charCodeAt(j - 1) ? 0 : 1));
      row[j] = value;
      if (value < rowMin) rowMin = value;
      diagonal = above;
    }
    if (rowMin > bound) return bound + 1;
  }
  return row[b.length]!;
}

/** Case and separators (`-`, `_`, white space) ignored. */
function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const code = text.charCodeAt(i);
    const space = code === 32 || (code >= 9 && code <= 13) || (code > 127 && /\s/.test(c));
    if (c !== '-' && c !== '_' && !space) out += c;
  }
  return out.toLowerCase();
}

/** The closest candidate when it is close enough to be a typo; case and separators are ignored first. */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const folded = fold(input);
  const limit = Math.max(1, Math.floor(folded.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const other = fold(candidate);
    if (other === folded) return candidate;
    // Only a strictly closer candidate can win, so anything at bestDistance or beyond is cut short.
    const distance = boundedDistance(folded, other, bestDistance - 1);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
