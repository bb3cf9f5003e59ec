import { describe, expect, test } from 'vitest';
import { expectedImprovement } from './expectedImprovement';
import { maximiseConstrainedEi } from './maximiseConstrainedEi';

const mean = Float64Array.from([0.5, 0.2, 0.9]);
const variance = Float64Array.from([0.01, 0.01, 0.5]);
const base = { mean, variance, count: 3, best: 0.4, scale: 1, xi: 0 };

describe('maximiseConstrainedEi', () => {
  test('picks the highest expected improvement in standardised units, with its EI', () => {
    const pick = maximiseConstrainedEi(base);
    expect(pick?.at).toBe(1);
    expect(pick?.ei).toBe(expectedImprovement(0.2 - 0.4, 0.01, 0, 0));
    // A scale of 2 halves the distances and quarters the variances.
    expect(maximiseConstrainedEi({ ...base, scale: 2 })?.ei).toBe(expectedImprovement((0.2 - 0.4) / 2, 0.01 / 4, 0, 0));
  });

  test('weighs by the probability of feasibility and by the weight, and reports the unweighted EI', () => {
    expect(maximiseConstrainedEi({ ...base, feasible: Float64Array.from([1, 0.01, 1]) })?.at).toBe(2);
    const weighted = maximiseConstrainedEi({ ...base, weight: (c) => (c === 1 ? 1e-6 : 1) });
    expect(weighted?.at).toBe(2);
    expect(weighted?.ei).toBe(expectedImprovement(0.9 - 0.4, 0.5, 0, 0));
  });

  test('while nothing is feasible, the probability of feasibility alone', () => {
    expect(maximiseConstrainedEi({ ...base, best: Infinity, feasible: Float64Array.from([0.1, 0.3, 0.2]) })).toEqual({ at: 1, ei: 0 });
  });

  test('no candidates: undefined', () => {
    expect(maximiseConstrainedEi({ ...base, count: 0 })).toBeUndefined();
  });
});
