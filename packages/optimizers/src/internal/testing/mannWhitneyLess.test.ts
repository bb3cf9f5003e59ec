import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { mannWhitneyLess } from './mannWhitneyLess';

describe('mannWhitneyLess', () => {
  // Hand-computed: the C(n + m, n) equally likely rank sets of xs, and how many have a sum at most
  // the observed one.
  test('complete separation: 1 / C(n + m, n)', () => {
    expect(mannWhitneyLess([1, 2, 3], [4, 5, 6])).toBeCloseTo(1 / 20, 15);
    expect(mannWhitneyLess([1, 2, 3, 4, 5, 6, 7, 8], [9, 10, 11, 12, 13, 14, 15, 16])).toBeCloseTo(1 / 12870, 15);
  });

  test('the other way round: certainty', () => {
    expect(mannWhitneyLess([4, 5, 6], [1, 2, 3])).toBe(1);
  });

  test('xs = {1, 3} among 1..4: rank sum 4, sums 3 4 5 5 6 7, so 2 / 6', () => {
    expect(mannWhitneyLess([0.1, 0.3], [0.2, 0.4])).toBeCloseTo(1 / 3, 15);
  });

  test('n = m = 3, xs ranks {1, 2, 4}: sum 7; sums <= 7 of 3 of 1..6 are {123, 124}, so 2 / 20', () => {
    expect(mannWhitneyLess([10, 11, 13], [12, 14, 15])).toBeCloseTo(0.1, 15);
  });

  test('ties take mid-ranks: xs = {1, 2}, ys = {2, 3} -> ranks 1, 2.5 | 2.5, 4; sums 3.5 3.5 5 5 6.5 6.5, so 2 / 6', () => {
    expect(mannWhitneyLess([1, 2], [2, 3])).toBeCloseTo(1 / 3, 15);
  });

  test('all values equal: every subset ties the observed sum', () => {
    expect(mannWhitneyLess([5, 5, 5], [5, 5])).toBe(1);
  });

  test('unequal sizes: xs = {1} below ys = {2, 3, 4}: 1 / 4', () => {
    expect(mannWhitneyLess([1], [2, 3, 4])).toBeCloseTo(0.25, 15);
  });

  test('rejects empty samples and NaN', () => {
    expect(() => mannWhitneyLess([], [1])).toThrow(RangeError);
    expect(() => mannWhitneyLess([Number.NaN], [1])).toThrow(RangeError);
  });

  test('agrees with listing every subset of the pooled ranks (ties included)', () => {
    const sample = fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(sample, sample, (xs, ys) => {
        expect(mannWhitneyLess(xs, ys)).toBeCloseTo(byEnumeration(xs, ys), 12);
      }),
      { numRuns: 200, seed: 3 },
    );
  });

  test('n = m = 8: U <= 15 is the one-sided 5% critical value', () => {
    // ys are 9..16; xs start at 1..8 (U = 0) and their two largest pass k of the ys each (8 + k + a
    // fraction passes 9..8 + k), so U, the count of pairs with x > y, is the sum of the two k.
    const ys = [9, 10, 11, 12, 13, 14, 15, 16];
    const withU = (u: number): number => {
      const top = Math.min(8, u);
      return mannWhitneyLess([1, 2, 3, 4, 5, 6, 8 + (u - top) + 0.4, 8 + top + 0.5], ys);
    };
    expect(withU(15)).toBeLessThan(0.05);
    expect(withU(16)).toBeGreaterThan(0.05);
  });

  test('a p-value in (0, 1]; the two one-sided p-values overlap at the observed statistic', () => {
    const sample = fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 7 });
    fc.assert(
      fc.property(sample, sample, (xs, ys) => {
        const p = mannWhitneyLess(xs, ys);
        const q = mannWhitneyLess(ys, xs);
        expect(p).toBeGreaterThan(0);
        expect(p).toBeLessThanOrEqual(1);
        // The two tails overlap exactly at the observed statistic, so they sum to at least 1.
        expect(p + q).toBeGreaterThanOrEqual(1 - 1e-12);
        // Moving every x down never raises the p-value.
        expect(
          mannWhitneyLess(
            xs.map((x) => x - 1000),
            ys,
          ),
        ).toBeLessThanOrEqual(p + 1e-12);
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});

/** The oracle: every subset of |xs| pooled positions, with mid-ranks. */
function byEnumeration(xs: readonly number[], ys: readonly number[]): number {
  const pooled = [...xs, ...ys];
  const rank = pooled.map((v) => pooled.filter((w) => w < v).length + (pooled.filter((w) => w === v).length + 1) / 2);
  const observed = xs.reduce((s, _, i) => s + rank[i]!, 0);
  let atMost = 0;
  let all = 0;
  const walk = (from: number, left: number, sum: number): void => {
    if (left === 0) {
      all++;
      if (sum <= observed + 1e-9) atMost++;
      return;
    }
    for (let i = from; i <= pooled.length - left; i++) walk(i + 1, left - 1, sum + rank[i]!);
  };
  walk(0, xs.length, 0);
  return atMost / all;
}
