import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenChars, tokenRuns } from '../../src/core/secret-mask';

/** What tokenRuns replaces: every match of the global regex `[chars]{min,}`, as [from, to). */
function regexRuns(text: string, charClass: string, min: number): Array<[number, number]> {
  return [...text.matchAll(new RegExp(`[${charClass}]{${min},}`, 'g'))].map((m) => [m.index, m.index + m[0].length]);
}

/** Token characters, the characters around them and non-ASCII ones (code units past the table). */
const text = fc
  .array(fc.oneof(fc.constantFrom('a', 'Z', '7', '_', '-', '+', '/', '=', ' ', '.', ':', '`', '\n', 'é', '😀', '\u0100'), fc.string({ maxLength: 3 })), { maxLength: 120 })
  .map((parts) => parts.join(''));

describe('tokenRuns finds what the global character-class regex matches', () => {
  const cases = [
    { name: 'secret-shaped tokens', chars: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-+/=', charClass: 'A-Za-z0-9_\\-+/=' },
    { name: 'Terra-shaped tokens', chars: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-', charClass: 'A-Za-z0-9_-' },
  ];
  for (const { name, chars, charClass } of cases) {
    it(name, () => {
      const table = tokenChars(chars);
      fc.assert(
        fc.property(text, fc.integer({ min: 1, max: 8 }), (t, min) => {
          expect(tokenRuns(t, table, min)).toEqual(regexRuns(t, charClass, min));
        }),
        { numRuns: 2_000 },
      );
    });
  }

  it('a run that ends the text, and one exactly the minimum long', () => {
    const table = tokenChars('ab');
    expect(tokenRuns('xx abab', table, 4)).toEqual([[3, 7]]);
    expect(tokenRuns('aba ab', table, 3)).toEqual([[0, 3]]);
  });
});
