import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { evenSample } from './evenSample';

describe('evenSample', () => {
  test('keeps everything up to the limit, then exactly `limit` distinct items in their order, the first among them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 100 }), (n, limit) => {
        const items = Array.from({ length: n }, (_, i) => i);
        const sample = evenSample(items, limit);
        expect(sample).toHaveLength(Math.min(n, limit));
        for (let i = 1; i < sample.length; i++) expect(sample[i]!).toBeGreaterThan(sample[i - 1]!);
        if (n > 0) expect(sample[0]).toBe(0);
      }),
    );
  });

  test('spreads over the whole range', () => {
    expect(evenSample([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 5)).toEqual([0, 2, 4, 6, 8]);
  });
});
