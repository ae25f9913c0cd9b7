import fc from 'fast-check';
import { isMap, isScalar, parseDocument, Scalar } from 'yaml';
import { describe, expect, it } from 'vitest';
import { resolvePlain } from '../../src/load/core-scalar';
import { fastData } from '../../src/load/fast-yaml';

const PARSE_OPTIONS = { version: '1.2', schema: 'core', resolveKnownTags: false, strict: true } as const;

/** What yaml makes of `text` as a plain scalar, or undefined where it reads something else. */
function yamlPlain(text: string): { value: unknown } | undefined {
  const doc = parseDocument(`a: ${text}\n`, PARSE_OPTIONS);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const node = doc.contents.items[0]?.value;
  if (!isScalar(node) || node.type !== Scalar.PLAIN) return undefined;
  return { value: doc.toJS().a };
}

describe('resolvePlain against yaml (core schema)', () => {
  it('resolves what looks like a number, a bool or null as yaml does', () => {
    const numberish = fc.stringMatching(/^[-+.0-9eExXoOa-fA-FnNiIlLtTrRuUsS_~]{0,9}$/);
    const words = fc.constantFrom('null', 'Null', 'NULL', 'nULL', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'fALSE', 'nil', 'trues', 'f', 'n', 'T', '~', '~x');
    fc.assert(
      fc.property(fc.oneof(numberish, words), (text) => {
        const yaml = yamlPlain(text);
        if (yaml !== undefined) expect(resolvePlain(text), JSON.stringify(text)).toStrictEqual(yaml.value);
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('the characters the fast path reads', () => {
  it('are a line feed and the printable characters but tabs, CR, NEL, the BOM, surrogates, U+2028/2029, U+FFFE/FFFF', () => {
    const plain = (c: number) =>
      (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xfffd && !(c >= 0xd800 && c <= 0xdfff) && c !== 0xfeff && c !== 0x2028 && c !== 0x2029);
    for (let c = 0; c <= 0xffff; c++) {
      if (c === 0x27 || c === 0x0a) continue;
      const accepted = fastData(`a: '${String.fromCharCode(c)}'\n`) !== undefined;
      if (accepted !== plain(c)) expect(accepted, `U+${c.toString(16)}`).toBe(plain(c));
    }
  });
});
