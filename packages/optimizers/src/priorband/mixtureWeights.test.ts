import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { logSumExp, mixtureWeights } from './mixtureWeights';

describe('mixtureWeights', () => {
  test("uniform draws decay geometrically with the bracket's first rung (eta 3: 1/2, 1/4, 1/10, 1/28)", () => {
    expect([0, 1, 2, 3].map((r) => mixtureWeights(r, 3).uniform)).toEqual([1 / 2, 1 / 4, 1 / 10, 1 / 28]);
    expect(mixtureWeights(2, 3)).toEqual({ uniform: 0.1, prior: 0.9, incumbent: 0 });
  });

  test("an active incumbent takes the prior's share in proportion to its score", () => {
    const w = mixtureWeights(0, 3, { prior: Math.log(1), incumbent: Math.log(3) });
    expect(w.uniform).toBe(0.5);
    expect(w.prior).toBeCloseTo(0.125, 12);
    expect(w.incumbent).toBeCloseTo(0.375, 12);
    // Scores e^800 apart do not overflow; no support anywhere splits evenly.
    expect(mixtureWeights(1, 3, { prior: 0, incumbent: 800 }).incumbent).toBeCloseTo(0.75, 12);
    expect(mixtureWeights(1, 3, { prior: -Infinity, incumbent: -Infinity }).prior).toBeCloseTo(0.375, 12);
  });

  test('the three weights are non-negative and sum to 1', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 8 }),
        fc.double({ min: 1.01, max: 10, noNaN: true }),
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        (rung, eta, p, i) => {
          const w = mixtureWeights(rung, eta, { prior: p, incumbent: i });
          expect(Math.min(w.uniform, w.prior, w.incumbent)).toBeGreaterThanOrEqual(0);
          expect(w.uniform + w.prior + w.incumbent).toBeCloseTo(1, 12);
        },
      ),
    );
  });

  test('logSumExp', () => {
    expect(logSumExp([])).toBe(-Infinity);
    expect(logSumExp([Math.log(2), Math.log(3)])).toBeCloseTo(Math.log(5), 12);
    expect(logSumExp([1000, 1000])).toBeCloseTo(1000 + Math.log(2), 9);
  });
});
