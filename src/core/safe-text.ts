/**
 * The one set of characters no output passes through raw, and the named policies that keep them out.
 *
 * - C0 controls except tab and newline, DEL and C1 controls: ANSI escapes repaint a terminal or a CI log,
 *   CR rewrites a line, and XML cannot hold most of them.
 * - Bidirectional formatting characters (Unicode UAX #9, https://www.unicode.org/reports/tr9/): the
 *   embeddings and overrides U+202A-U+202E, the isolates U+2066-U+2069, and the marks U+061C, U+200E,
 *   U+200F. They make text display in another order than it reads ("Trojan Source", CVE-2021-42574).
 * - U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR: line breaks to editors, browsers and
 *   JavaScript source (ECMA-262 LineTerminator), though not to the `\n` checks that keep reports one line.
 *
 * Tab and newline are not in the set: messages may hold them, and each format lays lines out its own way.
 * Fields that must stay on one line (file names, keys) use the line policy, which escapes them too.
 */
const UNSAFE_CLASS = '\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';

const UNSAFE = new RegExp(`[${UNSAFE_CLASS}]`, 'g');
const UNSAFE_OR_LINE_BREAK = new RegExp(`[${UNSAFE_CLASS}\\t\\n]`, 'g');
const UNSAFE_OR_LINE_BREAK_RUN = new RegExp(` *[${UNSAFE_CLASS}\\t\\n][${UNSAFE_CLASS}\\t\\n ]*`, 'g');
const HAS_UNSAFE = new RegExp(`[${UNSAFE_CLASS}]`);

/** `\u202E`: the character's code as a visible escape, the way JSON and JavaScript spell it. */
function visible(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** True when the text holds a character of the unsafe set (tab and newline are not in it). */
export function hasUnsafeCharacter(text: string): boolean {
  return HAS_UNSAFE.test(text);
}

/** The first unsafe character of a text and where it is, for tests and error messages. */
export function firstUnsafeCharacter(text: string): { index: number; code: string } | undefined {
  const match = HAS_UNSAFE.exec(text);
  return match ? { index: match.index, code: visible(match[0]) } : undefined;
}

/** Messages: each unsafe character as a visible escape (`\u202E`), so a reader sees it was there. */
export function escapeUnsafe(text: string): string {
  return text.replace(UNSAFE, visible);
}

/**
 * One-line fields (file names, map keys, path segments): the message policy, and tab and newline escaped
 * too, so a field can never start a line of its own. A field printed at the start of a line (`startsLine`)
 * also has a leading `::` escaped (`\u003A:`): GitHub Actions runs a log line that starts with `::` as a
 * workflow command (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands).
 */
export function escapeUnsafeLine(text: string, options: { startsLine?: boolean } = {}): string {
  const escaped = text.replace(UNSAFE_OR_LINE_BREAK, visible);
  return options.startsLine && escaped.startsWith('::') ? `${visible(':')}${escaped.slice(1)}` : escaped;
}

/** Code frames: each unsafe character becomes U+FFFD, one for one, so the caret's columns stay right. */
export function replaceUnsafe(text: string): string {
  return text.replace(UNSAFE, '\uFFFD');
}

/**
 * Text a remote server chose (error details, titles): every run of unsafe characters, tabs and newlines
 * (with the spaces around it) becomes one space, so it stays one line, and the length is bounded.
 */
export function flattenRemoteText(text: string, maxLength = 200): string {
  const flat = text.replace(UNSAFE_OR_LINE_BREAK_RUN, ' ').trim();
  return flat.length > maxLength ? `${flat.slice(0, maxLength)}…` : flat;
}

/**
 * Serialized JSON with every raw unsafe character written as a JSON `\uXXXX` escape: the same value for
 * a JSON reader, nothing raw for a terminal or a log. JSON.stringify already escapes C0, but not DEL,
 * C1, the bidi characters or U+2028/U+2029; they can only occur inside strings, where the escape is valid.
 */
export function jsonSafe(json: string): string {
  return json.replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Every string inside a plain value (objects, arrays) mapped through `fn`; keys too. Other values as they are. */
export function mapStrings<T>(value: T, fn: (text: string) => string): T {
  return mapValue(value, fn) as T;
}

function mapValue(value: unknown, fn: (text: string) => string): unknown {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) return value.map((item) => mapValue(item, fn));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [fn(k), mapValue(v, fn)]));
  }
  return value;
}
