import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { MultiObjectiveError } from '../errors/MultiObjectiveError';
import { attainmentSurface2d } from './attainmentSurface2d';

/** How many runs attain z: those with a point weakly dominating it. Deliberately plain. */
function bruteAttainment(runs: readonly Float64Array[], z: readonly [number, number]): number {
  return runs.filter((points) => {
    for (let i = 0; i < points.length; i += 2) if (points[i]! <= z[0] && points[i + 1]! <= z[1]) return true;
    return false;
  }).length;
}

function dominatedByCorner(corners: Float64Array, z: readonly [number, number]): boolean {
  for (let i = 0; i < corners.length; i += 2) if (corners[i]! <= z[0] && corners[i + 1]! <= z[1]) return true;
  return false;
}

// Small integer coordinates, so that ties in x and y and repeated points are common.
const run = fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })), { maxLength: 6 }).map((ps) => Float64Array.from(ps.flat()));
const runsAndLevel = fc.array(run, { minLength: 1, maxLength: 6 }).chain((runs) => fc.tuple(fc.constant(runs), fc.integer({ min: 1, max: runs.length })));

describe('attainmentSurface2d', () => {
  test('a point is attained by at least k runs exactly when a corner of the surface dominates it (brute-force oracle)', () => {
    fc.assert(
      fc.property(runsAndLevel, ([runs, k]) => {
        const corners = attainmentSurface2d(runs, k);
        // The attained region changes only at the runs' coordinates: checking those (and half-steps
        // between and beyond them) checks it everywhere.
        for (let x = -0.5; x <= 7; x += 0.5) {
          for (let y = -0.5; y <= 7; y += 0.5) {
            expect(dominatedByCorner(corners, [x, y]), `(${x}, ${y}) with k = ${k}`).toBe(bruteAttainment(runs, [x, y]) >= k);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  test('corners are sorted by x ascending, y strictly descending (a staircase of non-dominated points)', () => {
    fc.assert(
      fc.property(runsAndLevel, ([runs, k]) => {
        const corners = attainmentSurface2d(runs, k);
        for (let i = 2; i < corners.length; i += 2) {
          expect(corners[i]!).toBeGreaterThan(corners[i - 2]!);
          expect(corners[i + 1]!).toBeLessThan(corners[i - 1]!);
        }
      }),
    );
  });

  test('surfaces are nested: a higher level is attained by fewer runs, so it never lies below a lower one', () => {
    fc.assert(
      fc.property(fc.array(run, { minLength: 2, maxLength: 6 }), (runs) => {
        for (let k = 2; k <= runs.length; k++) {
          const worse = attainmentSurface2d(runs, k);
          const better = attainmentSurface2d(runs, k - 1);
          for (let i = 0; i < worse.length; i += 2) expect(dominatedByCorner(better, [worse[i]!, worse[i + 1]!])).toBe(true);
        }
      }),
    );
  });

  test('one run at k = 1 gives its non-dominated points; k = all runs of identical runs the same', () => {
    const points = Float64Array.from([3, 1, 1, 3, 2, 2, 2.5, 2.5, 1, 4]);
    expect([...attainmentSurface2d([points], 1)]).toEqual([1, 3, 2, 2, 3, 1]);
    expect([...attainmentSurface2d([points, points, points], 3)]).toEqual([1, 3, 2, 2, 3, 1]);
  });

  test('the median of three runs, by hand', () => {
    const runs = [Float64Array.from([0, 4, 2, 2]), Float64Array.from([1, 3, 3, 1]), Float64Array.from([4, 0])];
    // Each run's best y so far at x = 0, 1, 2, 3, 4: (4, -, -), (4, 3, -), (2, 3, -), (2, 1, -), (2, 1, 0); the
    // second smallest: none, 4, 3, 2, 1.
    expect([...attainmentSurface2d(runs, 2)]).toEqual([1, 4, 2, 3, 3, 2, 4, 1]);
    // Fewer runs with points than k: nothing is attained that often.
    expect([...attainmentSurface2d([Float64Array.from([1, 1]), new Float64Array(0)], 2)]).toEqual([]);
  });

  test('a level outside 1..runs and a non-finite point are typed errors naming what is allowed', () => {
    expect(() => attainmentSurface2d([Float64Array.from([1, 1])], 2)).toThrow(/k must be an integer from 1 to the number of runs \(1\), got 2/);
    expect(() => attainmentSurface2d([Float64Array.from([1, 1])], 0)).toThrow(MultiObjectiveError);
    expect(() => attainmentSurface2d([Float64Array.from([1, Number.NaN])], 1)).toThrow(/runs\[0\]\[0\]\[1\] is NaN/);
  });
});
