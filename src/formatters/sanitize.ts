/**
 * Characters a report must not pass through verbatim: C0/C1 controls (ANSI escapes could repaint a
 * terminal or a CI log) and the bidirectional overrides of "Trojan Source" (CVE-2021-42574). Tab and
 * newline are handled by each format on its own terms.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Replaces each unsafe character with U+FFFD, one for one, so columns keep their meaning. */
export function replaceUnsafeCharacters(text: string): string {
  return text.replace(UNSAFE, '\uFFFD');
}
