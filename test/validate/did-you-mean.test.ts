import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PROVIDER_CODES } from '../../src/catalog/providers';
import { didYouMean, editDistance } from '../../src/core/did-you-mean';

describe('editDistance', () => {
  it('is the Levenshtein distance', () => {
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('devId', 'devId')).toBe(0);
    expect(editDistance('flaw', 'lawn')).toBe(2);
  });

  it('is symmetric', () => {
    for (const [a, b] of [['garmin', 'GARMIN'], ['strava', 'stava'], ['x', 'xyz']] as const) expect(editDistance(a, b)).toBe(editDistance(b, a));
  });
});

describe('didYouMean', () => {
  const keys = ['tier', 'description', 'owners', 'terra', 'webhook', 'destinations', 'providers', 'aws', 'limits', 'links'];

  it('matches regardless of case and separators first', () => {
    expect(didYouMean('dev_id', ['devId', 'apiKey'])).toBe('devId');
    expect(didYouMean('API-KEY', ['devId', 'apiKey'])).toBe('apiKey');
    expect(didYouMean('garmin', PROVIDER_CODES)).toBe('GARMIN');
  });

  it('suggests the closest candidate within a third of the length', () => {
    expect(didYouMean('provders', keys)).toBe('providers');
    expect(didYouMean('webhok', keys)).toBe('webhook');
    expect(didYouMean('STRAVVA', PROVIDER_CODES)).toBe('STRAVA');
  });

  it('allows one edit even for short words', () => {
    expect(didYouMean('aw', keys)).toBe('aws');
    expect(didYouMean('tir', keys)).toBe('tier');
  });

  it('suggests nothing when no candidate is close', () => {
    expect(didYouMean('zzzzzzzz', keys)).toBeUndefined();
    expect(didYouMean('q', keys)).toBeUndefined();
    expect(didYouMean('anything', [])).toBeUndefined();
  });
});

describe('didYouMean with a bounded distance', () => {
  // The unbounded definition, written plainly: the fast one must agree with it on every input.
  const reference = (input: string, candidates: readonly string[]): string | undefined => {
    const fold = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');
    const folded = fold(input);
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const candidate of candidates) {
      if (fold(candidate) === folded) return candidate;
      const distance = editDistance(folded, fold(candidate));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return bestDistance <= Math.max(1, Math.floor(folded.length / 3)) ? best : undefined;
  };

  it('suggests what the unbounded search suggests', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', '-', '_', ' '), maxLength: 12 });
    fc.assert(fc.property(word, fc.array(word, { maxLength: 8 }), (input, candidates) => didYouMean(input, candidates) === reference(input, candidates)), { numRuns: 3000 });
    const near = PROVIDER_CODES.flatMap((code) => [code.slice(1), `${code}X`, code.replace(/[AEIOU]/, '')]);
    for (const input of near) expect(didYouMean(input, PROVIDER_CODES)).toBe(reference(input, PROVIDER_CODES));
  });
});
