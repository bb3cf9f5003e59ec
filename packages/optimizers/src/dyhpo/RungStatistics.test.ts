import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { NO_CURVE } from './budgetSpace';
import { RungStatistics } from './RungStatistics';

// Whole numbers, so a rung's spread is never so small that rounding, not the scale, decides the comparison.
const results = fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 40 });

describe('RungStatistics', () => {
  test('quantile: the mid-rank among the rung results; the middle without results or for a non-finite value', () => {
    const stats = RungStatistics.of([[40, 30, 35, 30], []]);
    expect(stats.quantile(0, 30)).toBe(0.25);
    expect(stats.quantile(0, 35)).toBe(0.625);
    expect(stats.quantile(0, 29)).toBe(0);
    expect(stats.quantile(0, 41)).toBe(1);
    expect(stats.quantile(1, 7)).toBe(NO_CURVE);
    expect(stats.quantile(0, Number.POSITIVE_INFINITY)).toBe(NO_CURVE);
  });

  test('normalise: from the median in units of IQR / 1.349; a rung with fewer than two results borrows the scale of the rung below', () => {
    // Rung 0: quartiles 20 and 40 (so the spread is 20 / 1.349), median 30; rung 1 has one result.
    const stats = RungStatistics.of([[10, 20, 30, 40, 50], [7], [8, 9, 9, 9, 10]]);
    const spread = 20 / 1.349;
    expect(stats.normalise(0, 30)).toBe(0);
    expect(stats.normalise(0, 50)).toBeCloseTo(20 / spread, 12);
    expect(stats.normalise(1, 7)).toBeCloseTo((7 - 30) / spread, 12);
    // The middle half tied: half the range is the spread.
    expect(stats.normalise(2, 10)).toBe(1);
    expect(stats.normalise(0, Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    // No results at all: values pass unchanged.
    expect(RungStatistics.of([[], [3]]).normalise(1, 3)).toBe(3);
    expect(RungStatistics.of([[5, 5]]).normalise(0, 6)).toBe(1);
  });

  test('normalise is the same for every rung scaled by a positive factor and shifted (each rung has its own scale), and keeps the order', () => {
    fc.assert(
      fc.property(results, results, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.double({ min: -1e3, max: 1e3, noNaN: true }), (a, b, scale, shift) => {
        const plain = RungStatistics.of([a, b]);
        const moved = RungStatistics.of([a, b.map((v) => v * scale + shift)]);
        for (const v of b) expect(moved.normalise(1, v * scale + shift)).toBeCloseTo(plain.normalise(1, v), 6);
        const sorted = [...b].sort((x, y) => x - y);
        for (let i = 1; i < sorted.length; i++) expect(plain.normalise(1, sorted[i]!)).toBeGreaterThanOrEqual(plain.normalise(1, sorted[i - 1]!));
      }),
    );
  });

  test('quantile is in [0, 1], never falls as the value rises, and depends only on the order', () => {
    fc.assert(
      fc.property(results, fc.integer({ min: -2000, max: 2000 }), fc.double({ min: 0, max: 10, noNaN: true }), (a, v, up) => {
        const stats = RungStatistics.of([a]);
        const q = stats.quantile(0, v);
        expect(q).toBeGreaterThanOrEqual(0);
        expect(q).toBeLessThanOrEqual(1);
        expect(stats.quantile(0, v + up)).toBeGreaterThanOrEqual(q);
        expect(RungStatistics.of([a.map((x) => 3 * x - 1)]).quantile(0, 3 * v - 1)).toBe(q);
      }),
    );
  });
});
