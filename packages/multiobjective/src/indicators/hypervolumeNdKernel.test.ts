import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { bruteHypervolume, intPoints, realPoints, relClose, spherePoints } from '../testing/oracleFixtures';
import { hypervolume3dBitTree, hypervolume3dKernel } from './hypervolume3dKernel';
import { HV4D_KEPT_MAX, hypervolume4dKernelOrdered } from './hypervolume4dKernel';
import { HV5D_KEPT_MAX, hypervolumeGenericSweep, hypervolumeNdKernel } from './hypervolumeNdKernel';

/** Appends, for some rows, an exact duplicate and a dominated copy (row + shift). */
function withCopies(p: Float64Array, d: number, picks: number[], shift: number): Float64Array {
  const n = p.length / d;
  if (n === 0) return p;
  const rows: number[] = Array.from(p);
  for (const raw of picks) {
    const i = raw % n;
    const row = Array.from(p.subarray(i * d, i * d + d));
    rows.push(...row);
    rows.push(...row.map((v, j) => (j === raw % d ? v + shift : v)));
  }
  return Float64Array.from(rows);
}

// The kernel's contract: every row strictly dominates the reference.
const refFor = (d: number, bound: number): Float64Array => new Float64Array(d).fill(bound);

describe('specialised 4-D and 5-D hypervolume kernels agree with the generic sweep', () => {
  for (const d of [4, 5]) {
    const maxN = d === 4 ? 70 : 45;
    fcTest.prop([intPoints(d, maxN, 5), fc.array(fc.nat(), { maxLength: 10 })], { numRuns: 120 })(
      `integer points (ties, duplicates, dominated copies), d = ${d}`,
      (p0, picks) => {
        const p = withCopies(p0, d, picks, 0.5);
        const n = p.length / d;
        const ref = refFor(d, 6);
        const fast = hypervolumeNdKernel(p, n, d, ref);
        expect(relClose(fast, hypervolumeGenericSweep(p, n, d, ref), 1e-12)).toBe(true);
      },
    );
    fcTest.prop([realPoints(d, maxN), fc.array(fc.nat(), { maxLength: 10 })], { numRuns: 120 })(
      `real points with duplicates and dominated copies, d = ${d}`,
      (p0, picks) => {
        const p = withCopies(p0, d, picks, 1e-3);
        const n = p.length / d;
        const ref = refFor(d, 1.01);
        const fast = hypervolumeNdKernel(p, n, d, ref);
        expect(relClose(fast, hypervolumeGenericSweep(p, n, d, ref), 1e-10)).toBe(true);
      },
    );
    fcTest.prop([intPoints(d, d === 4 ? 9 : 7, 3), fc.array(fc.nat(), { maxLength: 3 })], { numRuns: 80 })(
      `small sets equal the grid-cell oracle, d = ${d}`,
      (p0, picks) => {
        const p = withCopies(p0, d, picks, 1);
        const ref = refFor(d, 5);
        const fast = hypervolumeNdKernel(p, p.length / d, d, ref);
        expect(relClose(fast, bruteHypervolume(p, d, ref), 1e-12)).toBe(true);
      },
    );
  }
  test('large sphere fronts with duplicated and dominated rows (long runs, native-sort paths)', () => {
    for (const [n, d] of [
      [600, 4],
      [400, 5],
    ] as const) {
      const picks = Array.from({ length: 60 }, (_, i) => i * 7);
      const p = withCopies(spherePoints(n, d, 77 + d), d, picks, 0.01);
      const m = p.length / d;
      const ref = refFor(d, 1.1);
      expect(relClose(hypervolumeNdKernel(p, m, d, ref), hypervolumeGenericSweep(p, m, d, ref), 1e-11)).toBe(true);
    }
  });
  test('5-D: a point whose box holds every other point (long clipped lists, many words of ranks)', () => {
    // The last point in the 5th objective is better than every other in the first four, so
    // its box holds all of them.
    const front = spherePoints(300, 5, 13);
    const p = new Float64Array(301 * 5);
    p.set(front);
    p.set([0.001, 0.002, 0.003, 0.004, 1.05], 300 * 5);
    const ref = refFor(5, 1.1);
    expect(relClose(hypervolumeNdKernel(p, 301, 5, ref), hypervolumeGenericSweep(p, 301, 5, ref), 1e-12)).toBe(true);
  });
  fcTest.prop([fc.integer({ min: 70, max: 160 }), fc.integer(), fc.integer({ min: 4, max: 40 })], { numRuns: 25 })(
    '5-D sphere fronts on a coarse grid (ties in every objective, ranks over several 32-bit words)',
    (n, seed, steps) => {
      // Rounding the front up to a grid makes equal values in the 4th objective (ranks break
      // the ties), boxes that close exactly on a point, and live points that p only ties with.
      const p = spherePoints(n, 5, seed).map((v) => Math.ceil(v * steps) / steps);
      const ref = refFor(5, 1.1);
      expect(relClose(hypervolumeNdKernel(p, n, 5, ref), hypervolumeGenericSweep(p, n, 5, ref), 1e-11)).toBe(true);
    },
  );
  fcTest.prop([fc.array(fc.tuple(fc.nat(4), fc.nat(4), fc.nat(4), fc.integer({ min: 1, max: 2 }), fc.nat(5)), { minLength: 1, maxLength: 40 })], {
    numRuns: 150,
  })('5-D: the 4th objective takes two values (newcomers tie live points there, cover some, and caps in it end the scan)', (rows) => {
    // The live points are kept by the 4th objective: with two values, a newcomer's floor holds
    // the points tied with it, which it may cover, and the first point above it that is no worse
    // in the other three coordinates caps its box.
    const p = Float64Array.from(rows.flat());
    const n = rows.length;
    const ref = refFor(5, 6);
    const fast = hypervolumeNdKernel(p, n, 5, ref);
    expect(relClose(fast, hypervolumeGenericSweep(p, n, 5, ref), 1e-12)).toBe(true);
    if (n <= 8) expect(relClose(fast, bruteHypervolume(p, 5, ref), 1e-12)).toBe(true);
  });
  test('6-D recursion into the 5-D kernel agrees with the generic path at both levels', () => {
    const p = spherePoints(120, 6, 5);
    const ref = refFor(6, 1.1);
    // hypervolumeNdKernel(d = 6) is itself the generic sweep; compare against a 6-D set whose
    // last objective is constant, i.e. 1.1 - c times the 5-D kernel on the first five.
    const p5 = new Float64Array(120 * 5);
    const p6 = new Float64Array(120 * 6);
    for (let i = 0; i < 120; i++) {
      p5.set(p.subarray(6 * i, 6 * i + 5), 5 * i);
      p6.set(p.subarray(6 * i, 6 * i + 5), 6 * i);
      p6[6 * i + 5] = 0.1;
    }
    const hv5 = hypervolumeNdKernel(p5, 120, 5, refFor(5, 1.1));
    expect(relClose(hypervolumeNdKernel(p6, 120, 6, ref), hv5, 1e-12)).toBe(true);
    expect(relClose(hypervolumeGenericSweep(p5, 120, 5, refFor(5, 1.1)), hv5, 1e-12)).toBe(true);
  });
});

describe('3-D kernel: the sorted-array staircase (n <= 4096) agrees with the bit-tree sweep', () => {
  fcTest.prop([intPoints(3, 120, 5), fc.array(fc.nat(), { maxLength: 10 })], { numRuns: 150 })(
    'integer points (equal x, y or z; duplicates; dominated copies)',
    (p0, picks) => {
      const p = withCopies(p0, 3, picks, 0.5);
      const n = p.length / 3;
      const ref = refFor(3, 6);
      expect(relClose(hypervolume3dKernel(p, n, ref), hypervolume3dBitTree(p, n, ref), 1e-12)).toBe(true);
    },
  );
  test('a 3000-point sphere front with copies', () => {
    const picks = Array.from({ length: 200 }, (_, i) => i * 13);
    const p = withCopies(spherePoints(3000, 3, 91), 3, picks, 0.01);
    const n = p.length / 3;
    const ref = refFor(3, 1.1);
    expect(relClose(hypervolume3dKernel(p, n, ref), hypervolume3dBitTree(p, n, ref), 1e-12)).toBe(true);
  });
});

describe('4-D and 5-D kernels at the size of their kept buffers and one row past it (the generic sweep)', () => {
  // 8 distinct rows with the same coordinate sum (none dominates another), then copies of them
  // shifted up by 1/8 to 7/8 in every objective: the volume is that of the 8, whatever the size.
  const rows = (n: number, d: number): Float64Array => {
    const p = new Float64Array(n * d);
    for (let i = 0; i < n; i++) {
      const shift = i < 8 ? 0 : ((i % 7) + 1) / 8;
      // Row i % 8: 0..d-1 rotated by k, reversed for the second four.
      const k = i % 4;
      for (let j = 0; j < d; j++) p[i * d + j] = ((i % 8 < 4 ? j + k : d - 1 - j + k) % d) + shift;
    }
    return p;
  };
  for (const [d, max] of [
    [4, HV4D_KEPT_MAX],
    [5, HV5D_KEPT_MAX],
  ] as const) {
    const ref = new Float64Array(d).fill(d + 1);
    const expected = bruteHypervolume(rows(8, d), d, ref);
    for (const n of [max, max + 1]) {
      test(`${d}-D, ${n} rows`, () => {
        const p = rows(n, d);
        expect(relClose(hypervolumeNdKernel(p, n, d, ref), expected, 1e-12)).toBe(true);
        if (d === 4) {
          const byW = Int32Array.from({ length: n }, (_, t) => n - 1 - t).sort((x, y) => p[4 * x + 3]! - p[4 * y + 3]!);
          expect(relClose(hypervolume4dKernelOrdered(p, byW, n, ref), expected, 1e-12)).toBe(true);
        }
      });
    }
  }
});
