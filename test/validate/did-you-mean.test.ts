import { describe, expect, it } from 'vitest';
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
