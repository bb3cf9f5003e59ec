import { describe, expect, test } from 'vitest';
import { optimizerErrorOf } from '../testing/optimizerErrorOf';
import { requireNonEmptyPool } from './requireNonEmptyPool';

describe('requireNonEmptyPool', () => {
  test('accepts a pool of at least one candidate from either source', () => {
    expect(() => requireNonEmptyPool(['candidates', 1], ['randomCandidates', 0])).not.toThrow();
    expect(() => requireNonEmptyPool(['candidates', 0], ['randomCandidates', 1])).not.toThrow();
  });

  test('an empty pool is an option error naming the first size and what is allowed', () => {
    const error = optimizerErrorOf(() => requireNonEmptyPool(['randomCandidates', 0], ['mutationCandidates', 0]));
    expect(error?.kind).toBe('invalid-option');
    expect(error?.parameter).toBe('randomCandidates');
    expect(error?.allowed).toBe('randomCandidates + mutationCandidates >= 1');
    expect(error?.message).toContain('the acquisition pool would be empty');
  });
});
