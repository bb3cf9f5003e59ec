import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { rankValues } from './rankValues';

describe('rankValues', () => {
  test('ranks lower values first, shares ties, puts missing values last', () => {
    expect(rankValues([3, 1, 2])).toEqual([3, 1, 2]);
    expect(rankValues([1, 1, 2])).toEqual([1.5, 1.5, 3]);
    expect(rankValues([undefined, 5, undefined])).toEqual([2.5, 1, 2.5]);
  });

  test.prop([fc.array(fc.option(fc.integer({ min: -5, max: 5 }), { nil: undefined }), { minLength: 1, maxLength: 12 })])(
    'ranks sum to n(n+1)/2 and agree with pairwise comparison',
    (values) => {
      const ranks = rankValues(values);
      const n = values.length;
      expect(ranks.reduce((a, b) => a + b, 0)).toBeCloseTo((n * (n + 1)) / 2, 9);
      const key = (v: number | undefined): number => v ?? Number.POSITIVE_INFINITY;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          if (key(values[i]) < key(values[j])) expect(ranks[i]).toBeLessThan(ranks[j]!);
          if (key(values[i]) === key(values[j])) expect(ranks[i]).toBe(ranks[j]);
        }
      }
    },
  );
});
