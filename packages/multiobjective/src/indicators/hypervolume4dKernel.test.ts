import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { bruteHypervolume, intPoints, realPoints, relClose } from '../testing/oracleFixtures';
import { hypervolume4dKernel, hypervolume4dKernelOrdered } from './hypervolume4dKernel';

/** The row indices of an n x 4 set by ascending 4th objective, ties in the order `tieKeys` gives. */
function orderByW(p: Float64Array, tieKeys: number[]): Int32Array {
  const n = p.length / 4;
  const tie = (i: number): number => tieKeys[i % Math.max(1, tieKeys.length)] ?? 0;
  return Int32Array.from(Array.from({ length: n }, (_, i) => i).sort((a, b) => p[4 * a + 3]! - p[4 * b + 3]! || tie(a) - tie(b) || b - a));
}

describe('hypervolume4dKernelOrdered (rows visited by w, dominated ones included) equals the sorting kernel and the oracle', () => {
  fcTest.prop([intPoints(4, 60, 4), fc.array(fc.integer(), { maxLength: 60 })], { numRuns: 150 })(
    'integer points (ties in every objective, duplicates, ties in w in any order)',
    (p, tieKeys) => {
      const n = p.length / 4;
      const ref = new Float64Array(4).fill(5);
      const ordered = hypervolume4dKernelOrdered(p, orderByW(p, tieKeys), n, ref);
      expect(relClose(ordered, hypervolume4dKernel(p, n, ref), 1e-12)).toBe(true);
      if (n <= 9) expect(relClose(ordered, bruteHypervolume(p, 4, ref), 1e-12)).toBe(true);
    },
  );
  fcTest.prop([realPoints(4, 80)], { numRuns: 100 })('real points', (p) => {
    const n = p.length / 4;
    const ref = new Float64Array(4).fill(1.01);
    expect(relClose(hypervolume4dKernelOrdered(p, orderByW(p, []), n, ref), hypervolume4dKernel(p, n, ref), 1e-12)).toBe(true);
  });
});

describe('hypervolume4dKernelOrdered seeded from a floor (the first rows share the lowest w) equals the sorting kernel and the oracle', () => {
  // The first `f` rows get the lowest w, as a 5-D box's floor does; their order and ties in z,
  // x and y (integer points) come as fast-check draws them. Floors of 2 to SEED_MAX rows seed the
  // sweep; larger ones, and floors that reach the last row, are checked as well.
  fcTest.prop([intPoints(4, 70, 3), fc.nat(70), fc.array(fc.integer(), { maxLength: 70 })], { numRuns: 200 })('integer points', (p, f, tieKeys) => {
    const n = p.length / 4;
    const floor = Math.min(n, f);
    let low = Infinity;
    for (let i = 0; i < n; i++) low = Math.min(low, p[4 * i + 3]!);
    for (let i = 0; i < floor; i++) p[4 * i + 3] = low;
    const order = orderByW(p, tieKeys);
    let equal = 0;
    while (equal < n && p[4 * order[equal]! + 3] === low) equal++;
    const ref = new Float64Array(4).fill(4);
    const seeded = hypervolume4dKernelOrdered(p, order, n, ref, equal);
    expect(relClose(seeded, hypervolume4dKernel(p, n, ref), 1e-12)).toBe(true);
    if (n <= 9) expect(relClose(seeded, bruteHypervolume(p, 4, ref), 1e-12)).toBe(true);
  });
});

describe('hypervolume4dKernel on sets where most rows are dominated, their dominators alternating', () => {
  fcTest.prop([fc.array(fc.tuple(fc.nat(3), fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 4, maxLength: 4 })), { maxLength: 9 })], {
    numRuns: 150,
  })('a few clusters, each a base row and rows around it, most of them dominated', (rows) => {
    // Cluster c's base row is one of four rows none of which dominates another; its members are
    // shifted by -0.5 to 2.5 in each objective, so they come interleaved in w and most are
    // covered by a base row seen before them, but not all.
    const bases = [
      [0, 3, 1, 2],
      [3, 0, 2, 1],
      [1, 2, 3, 0],
      [2, 1, 0, 3],
    ];
    const flat: number[] = [];
    for (const [c, shift] of rows) {
      flat.push(...bases[c]!);
      flat.push(...shift.map((s, j) => bases[c]![j]! + (s - 1) / 2));
    }
    const p = Float64Array.from(flat);
    const ref = new Float64Array(4).fill(7);
    const n = p.length / 4;
    expect(relClose(hypervolume4dKernel(p, n, ref), bruteHypervolume(p, 4, ref), 1e-12)).toBe(true);
  });
});

describe('hypervolume4dKernel when newcomers cover live points at their own z and above it', () => {
  // z takes two values only, so a newcomer often ties live points in z (they leave in a pass of
  // their own) and covers some above it before the point that caps its box (they leave while
  // the scan that finds the cap moves the others up to make room).
  fcTest.prop([fc.array(fc.tuple(fc.nat(4), fc.nat(4), fc.nat(1), fc.nat(4)), { minLength: 1, maxLength: 12 })], { numRuns: 200 })(
    'equals the oracle',
    (rows) => {
      const p = Float64Array.from(rows.flat());
      const ref = new Float64Array(4).fill(5);
      expect(relClose(hypervolume4dKernel(p, rows.length, ref), bruteHypervolume(p, 4, ref), 1e-12)).toBe(true);
    },
  );
});

describe('hypervolume4dKernel on grid fronts, whose boxes hold bands and quadrants sharing edges', () => {
  // Points on x + y + z + w = 6 in integers: many points beat a newcomer in x or in y only
  // (bands that lower its box's edges, some exactly onto a staircase entry's coordinate), and
  // points of equal x or y enter the staircase as quadrants.
  fcTest.prop([fc.array(fc.tuple(fc.nat(6), fc.nat(6), fc.nat(6)), { minLength: 1, maxLength: 40 })], { numRuns: 150 })('equals the oracle', (rows) => {
    const flat: number[] = [];
    for (const [x, y, z] of rows) {
      if (x + y + z > 6) continue;
      flat.push(x, y, z, 6 - x - y - z);
    }
    const p = Float64Array.from(flat);
    const n = p.length / 4;
    const ref = new Float64Array(4).fill(7);
    expect(relClose(hypervolume4dKernel(p, n, ref), bruteHypervolume(p, 4, ref), 1e-12)).toBe(true);
  });
});
