import { nonDominatedSort } from '@jahskit/multiobjective';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { constrainedRanks } from './constrainedRanks';
import { rankAndCrowding, selectByRankAndCrowding } from './rankAndCrowding';

/** Deb's constrained domination of row a over row b, written out pairwise (the oracle). */
function constrainedDominates(points: Float64Array, d: number, v: ArrayLike<number>, a: number, b: number): boolean {
  const va = v[a] as number;
  const vb = v[b] as number;
  if (va > 0 || vb > 0) return va < vb;
  let better = false;
  for (let j = 0; j < d; j++) {
    const x = points[a * d + j] as number;
    const y = points[b * d + j] as number;
    if (x > y) return false;
    if (x < y) better = true;
  }
  return better;
}

const rows = fc.integer({ min: 2, max: 3 }).chain((d) =>
  fc.integer({ min: 1, max: 25 }).chain((n) =>
    fc.record({
      d: fc.constant(d),
      points: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n * d, maxLength: n * d }),
      // Many zeros (feasible) and repeated violations (ties).
      violations: fc.array(
        fc.oneof(
          fc.constant(0),
          fc.integer({ min: 1, max: 3 }).map((k) => k / 2),
        ),
        { minLength: n, maxLength: n },
      ),
    }),
  ),
);

describe('constrainedRanks', () => {
  test('is the non-dominated sorting of constrained domination: a dominated row ranks below its dominator, and every row of rank r > 0 has a dominator of rank r - 1', () => {
    fc.assert(
      fc.property(rows, ({ d, points, violations }) => {
        const p = Float64Array.from(points);
        const rank = constrainedRanks(p, d, violations);
        const n = violations.length;
        for (let a = 0; a < n; a++) {
          for (let b = 0; b < n; b++) if (constrainedDominates(p, d, violations, a, b)) expect(rank[a]).toBeLessThan(rank[b] as number);
          if ((rank[a] as number) > 0)
            expect(
              Array.from({ length: n }, (_, b) => b).some((b) => rank[b] === (rank[a] as number) - 1 && constrainedDominates(p, d, violations, b, a)),
            ).toBe(true);
        }
      }),
    );
  });

  test('without violations (or with none positive) it is plain non-dominated sorting', () => {
    fc.assert(
      fc.property(rows, ({ d, points }) => {
        const p = Float64Array.from(points);
        expect([...constrainedRanks(p, d)]).toEqual([...nonDominatedSort(p, d)]);
        expect([...constrainedRanks(p, d, new Float64Array(p.length / d))]).toEqual([...nonDominatedSort(p, d)]);
      }),
    );
  });

  test('survival keeps feasible rows before any infeasible one, then the least violating', () => {
    // Rows 0 and 1 dominate everything but are infeasible.
    const points = Float64Array.from([0, 0, 0.1, 0.1, 1, 3, 2, 2, 3, 1, 5, 5]);
    const violations = [0.5, 0.2, 0, 0, 0, 0];
    expect(selectByRankAndCrowding(points, 2, 4, violations).sort()).toEqual([2, 3, 4, 5]);
    expect(selectByRankAndCrowding(points, 2, 5, violations).sort()).toEqual([1, 2, 3, 4, 5]);
    const { rank, crowding } = rankAndCrowding(points, 2, violations);
    expect([...rank]).toEqual([3, 2, 0, 0, 0, 1]);
    expect(crowding[0]).toBe(0);
  });
});
