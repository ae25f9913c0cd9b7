/** Character codes and classes the fast YAML parser (fast-yaml.ts) reads by. */
export const SPACE = 0x20;
export const NL = 0x0a;
export const HASH = 0x23;
export const COLON = 0x3a;
export const DASH = 0x2d;
export const DOT = 0x2e;
export const PLUS = 0x2b;
export const COMMA = 0x2c;
export const PIPE = 0x7c;
export const GREATER = 0x3e;
export const QUESTION = 0x3f;
export const DOUBLE_QUOTE = 0x22;
export const SINGLE_QUOTE = 0x27;
export const BACKSLASH = 0x5c;
export const OPEN_BRACKET = 0x5b;
export const CLOSE_BRACKET = 0x5d;
export const OPEN_BRACE = 0x7b;
export const CLOSE_BRACE = 0x7d;

/** [A-Za-z0-9_]: how a key the fast path accepts begins. */
export const KEY_START = 1;
/** [A-Za-z0-9_.$/-]: the rest of such a key (a colon too, when no space follows it: `aws:region`). */
export const KEY_CHAR = 2;
/** Characters a plain scalar may not start with (YAML 1.2 c-indicator), `-`, `?` and `:` aside. */
export const INDICATOR = 4;
/** `,` `[` `]` `{` `}` (YAML 1.2 c-flow-indicator). */
export const FLOW_INDICATOR = 8;

/** The classes of each ASCII character: one lookup instead of a chain of comparisons or a Set. */
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9_]/.test(ch)) ASCII_CLASS[c]! |= KEY_START | KEY_CHAR;
  if (/[.$/-]/.test(ch)) ASCII_CLASS[c]! |= KEY_CHAR;
  if (",[]{}#&*!|>'\"%@`".includes(ch)) ASCII_CLASS[c]! |= INDICATOR;
  if (',[]{}'.includes(ch)) ASCII_CLASS[c]! |= FLOW_INDICATOR;
}

/** Whether `c` (a character code, any) is ASCII and of class `cls`. */
export function isClass(c: number, cls: number): boolean {
  return c < 128 && (ASCII_CLASS[c]! & cls) !== 0;
}

/**
 * What is not a line feed or a printable character: tabs, CR, control characters, the BOM, lone or paired
 * surrogates (emoji), U+2028/2029, U+FFFE/FFFF. A regex test scans a file about twice as fast as a loop.
 */
const NOT_PLAIN = /[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]/;

/** Line feeds and printable characters only: the characters the fast path reads. */
export function plainCharacters(text: string): boolean {
  return !NOT_PLAIN.test(text);
}
