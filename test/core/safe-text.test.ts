import { describe, expect, it } from 'vitest';
import { escapeUnsafe, escapeUnsafeLine, firstUnsafeCharacter, flattenRemoteText, hasUnsafeCharacter, jsonSafe, mapStrings, replaceUnsafe } from '../../src/core/safe-text';
import { MASK, maskSecretShaped, maskValues } from '../../src/core/secret-mask';

/** The set, as the spec lists it: C0 but tab and newline, DEL, C1, bidi controls, line and paragraph separators. */
const SET = [
  ...Array.from({ length: 0x20 }, (_, i) => i).filter((c) => c !== 0x09 && c !== 0x0a),
  0x7f,
  ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i),
  0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x061c, 0x200e, 0x200f, 0x2028, 0x2029,
].map((c) => String.fromCharCode(c));
const SPARED = ['\t', '\n', ' ', '~', '\u00a0', 'é', '\u200b', '\u2027', '\u202f', '\u2065', '\u206a', '😀', '\ufeff'];

describe('the one set of unsafe characters', () => {
  it('holds exactly the listed characters', () => {
    for (const c of SET) expect(hasUnsafeCharacter(`a${c}b`), `U+${c.charCodeAt(0).toString(16)}`).toBe(true);
    for (const c of SPARED) expect(hasUnsafeCharacter(`a${c}b`), `U+${c.codePointAt(0)!.toString(16)}`).toBe(false);
    expect(firstUnsafeCharacter('ok\u202eno')).toEqual({ index: 2, code: '\\u202E' });
  });
});

describe('named policies', () => {
  it('messages: visible escapes, tab and newline kept', () => {
    expect(escapeUnsafe('unknown key `\u202egnp.exe`\tand\n\u001b[2J \u2028 \u061c')).toBe('unknown key `\\u202Egnp.exe`\tand\n\\u001B[2J \\u2028 \\u061C');
    expect(escapeUnsafe(escapeUnsafe('\u0085'))).toBe('\\u0085');
  });

  it('one-line fields: line breaks escaped too, and a leading :: when the field starts a line', () => {
    expect(escapeUnsafeLine('config/a\n::warning x.yaml')).toBe('config/a\\u000A::warning x.yaml');
    expect(escapeUnsafeLine('::error::x', { startsLine: true })).toBe('\\u003A:error::x');
    expect(escapeUnsafeLine('::error::x')).toBe('::error::x');
    expect(escapeUnsafeLine('a\tb')).toBe('a\\u0009b');
  });

  it('code frames: one for one, so columns keep their meaning', () => {
    const line = 'colour: \u001b[31mred\u202e\u2028';
    expect(replaceUnsafe(line)).toBe('colour: \uFFFD[31mred\uFFFD\uFFFD');
    expect(replaceUnsafe(line)).toHaveLength(line.length);
  });

  it('remote text: runs of unsafe characters and line breaks become one space, bounded', () => {
    expect(flattenRemoteText('  bad\u001b[31m\r\n\u202e gateway\t ')).toBe('bad [31m gateway');
    expect(flattenRemoteText('x'.repeat(500))).toHaveLength(201);
  });

  it('JSON: the same value for a reader, nothing raw in the text', () => {
    const json = jsonSafe(JSON.stringify({ m: 'a\u202eb\u2028c\u007f' }));
    expect(hasUnsafeCharacter(json)).toBe(false);
    expect(JSON.parse(json)).toEqual({ m: 'a\u202eb\u2028c\u007f' });
  });

  it('maps every string of a plain value, keys included', () => {
    expect(mapStrings({ 'k\u202e': ['v\u202e', 1, null, { x: 'y\u2028' }] }, escapeUnsafe)).toEqual({ 'k\\u202E': ['v\\u202E', 1, null, { x: 'y\\u2028' }] });
  });
});

describe('the secret mask code frames and messages share', () => {
  it('masks long letter-and-digit tokens, not words, slugs of one case or paths', () => {
    expect(maskSecretShaped('unknown provider code `tk_live_KEYNAMEsecret4Df5Gh6Jk7Lz8`')).toBe(`unknown provider code \`${MASK}\``);
    expect(maskSecretShaped('see https://docs.tryterra.co/reference/health-and-fitness-api/supported-integrations')).toContain('supported-integrations');
    expect(maskSecretShaped('`providers.GOOGLE.dedicatedKeys.appVerification`')).toBe('`providers.GOOGLE.dedicatedKeys.appVerification`');
  });

  it('masks given values, longest first', () => {
    expect(maskValues('a hunter2hunter2 b hunter2', ['hunter2hunter2', 'hunter2'])).toBe(`a ${MASK} b ${MASK}`);
  });
});
