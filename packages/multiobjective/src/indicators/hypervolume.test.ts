import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { MultiObjectiveError } from '../errors/MultiObjectiveError';
import { bruteHypervolume, clusteredPoints, dtlz2Grid, intPoints, realPoints, relClose, spherePoints } from '../testing/oracleFixtures';
import { hypervolume } from './hypervolume';
import { hypervolume3dBitTree, hypervolume3dKernel } from './hypervolume3dKernel';
import { hypervolumeGenericSweep } from './hypervolumeNdKernel';

const maxN = (d: number): number => (d >= 5 ? 8 : d === 4 ? 12 : 25);

describe('hypervolume equals the grid-cell oracle', () => {
  for (const d of [1, 2, 3, 4, 5]) {
    fcTest.prop([intPoints(d, maxN(d), 5)], { numRuns: 100 })(`integer points with ties, d = ${d}`, (p) => {
      const ref = new Array<number>(d).fill(5);
      expect(relClose(hypervolume(p, d, ref), bruteHypervolume(p, d, ref), 1e-12)).toBe(true);
    });
    fcTest.prop([realPoints(d, maxN(d))], { numRuns: 100 })(`real points, d = ${d}`, (p) => {
      const ref = new Array<number>(d).fill(0.9);
      expect(relClose(hypervolume(p, d, ref), bruteHypervolume(p, d, ref), 1e-10)).toBe(true);
    });
  }
});

describe("hypervolume on 64-100 rows (the sorts' radix path, buffers kept between calls)", () => {
  for (const d of [2, 3, 4]) {
    fcTest.prop([intPoints(d, 100, 5, 64)], { numRuns: 25 })(`integer points with many copies, d = ${d}`, (p) => {
      const ref = new Array<number>(d).fill(5);
      expect(relClose(hypervolume(p, d, ref), bruteHypervolume(p, d, ref), 1e-12)).toBe(true);
    });
  }
  // Every row inside the reference: the 4-D entry then skips the pruning (up to 128 rows).
  fcTest.prop([intPoints(4, 130, 4, 64)], { numRuns: 25 })('integer points with many copies, every row inside, d = 4', (p) => {
    const ref = new Array<number>(4).fill(5);
    expect(relClose(hypervolume(p, 4, ref), bruteHypervolume(p, 4, ref), 1e-12)).toBe(true);
  });
  fcTest.prop([realPoints(4, 130, 64)], { numRuns: 25 })('real points, every row inside, d = 4', (p) => {
    const ref = Float64Array.of(1.01, 1.01, 1.01, 1.01);
    expect(relClose(hypervolume(p, 4, ref), hypervolumeGenericSweep(p, p.length / 4, 4, ref), 1e-12)).toBe(true);
  });
  // The same for 5-D (the kernel without the copy sample and the pruning).
  fcTest.prop([intPoints(5, 130, 4, 64)], { numRuns: 15 })('integer points with many copies, every row inside, d = 5', (p) => {
    const ref = new Array<number>(5).fill(5);
    expect(relClose(hypervolume(p, 5, ref), bruteHypervolume(p, 5, ref), 1e-12)).toBe(true);
  });
  fcTest.prop([realPoints(5, 130, 64)], { numRuns: 15 })('real points, every row inside, d = 5', (p) => {
    const ref = Float64Array.of(1.01, 1.01, 1.01, 1.01, 1.01);
    expect(relClose(hypervolume(p, 5, ref), hypervolumeGenericSweep(p, p.length / 5, 5, ref), 1e-12)).toBe(true);
  });
  fcTest.prop([realPoints(2, 100, 64)], { numRuns: 40 })('real points, d = 2', (p) => {
    expect(relClose(hypervolume(p, 2, [0.9, 0.9]), bruteHypervolume(p, 2, [0.9, 0.9]), 1e-10)).toBe(true);
  });
  test('3-D: the same value after a call on a larger set, and equal to the bit-tree sweep', () => {
    const p = spherePoints(100, 3, 8);
    const ref = [1.1, 1.1, 1.1];
    const v = hypervolume(p, 3, ref);
    hypervolume(spherePoints(3000, 3, 9), 3, ref);
    expect(hypervolume(p, 3, ref)).toBe(v);
    expect(relClose(v, hypervolume3dBitTree(p, 100, ref), 1e-13)).toBe(true);
  });
});

test('3-D sets that keep more rows than the sorted-array sweep takes go through the bit tree', () => {
  // 5000 front points (none pruned) among 500 dominated ones, shuffled by the interleaving: less
  // than an eighth dropped, so the rows are not taken as thinned out.
  const front = spherePoints(5000, 3, 11);
  const p = new Float64Array(3 * 5500);
  for (let i = 0, f = 0; i < 5500; i++) {
    if (i % 11 < 10) p.set(front.subarray(3 * f, 3 * f++ + 3), 3 * i);
    else p.set([0.9, 0.95, 1], 3 * i);
  }
  const ref = [1.1, 1.1, 1.1];
  expect(relClose(hypervolume(p, 3, ref), hypervolume3dBitTree(front, 5000, ref), 1e-12)).toBe(true);
});

test('3-D clustered sets clipped to [0, 1] agree with the bit-tree sweep', () => {
  // The comparison script's clustered class: the pivots leave most rows at 10k, dominated ones
  // the sorted-array sweep drops itself.
  for (const [n, seed] of [
    [3000, 1],
    [10000, 2],
    [20000, 3],
  ] as const) {
    const p = clusteredPoints(n, 10, 0.03, seed);
    for (const ref of [
      [1.1, 1.1, 1.1],
      [1, 1, 1],
    ]) {
      // The bit tree takes rows strictly inside the reference only (at 1, rows on the clip bound lie outside).
      const inside = Array.from({ length: n }, (_, i) => i).filter((i) => p[3 * i]! < ref[0]! && p[3 * i + 1]! < ref[1]! && p[3 * i + 2]! < ref[2]!);
      const q = new Float64Array(inside.flatMap((i) => [p[3 * i]!, p[3 * i + 1]!, p[3 * i + 2]!]));
      expect(relClose(hypervolume(p, 3, ref), hypervolume3dBitTree(q, inside.length, ref), 1e-12)).toBe(true);
    }
  }
});

test('the 3-D kernel called directly after hypervolume grew its buffers on a larger set', () => {
  // hypervolume's path grew the z keys alone; the kernel's own path then overran its row buffer.
  const big = spherePoints(900, 3, 5);
  const ref = [1.1, 1.1, 1.1];
  hypervolume(big, 3, ref);
  const p = spherePoints(800, 3, 6);
  expect(relClose(hypervolume3dKernel(p, 800, ref), hypervolume3dBitTree(p, 800, ref), 1e-12)).toBe(true);
});

test('3-D sets that pruning thinned out take the sorted-array sweep past its usual size', () => {
  // 6000 front points and 3000 distinct points that the first pivot dominates: a third dropped.
  const front = spherePoints(6000, 3, 12);
  const p = new Float64Array(3 * 9000);
  p.set(front);
  for (let i = 0; i < 3000; i++) p.set([1 + ((i * 0.618) % 0.09), 1 + ((i * 0.382) % 0.09), 1 + ((i * 0.271) % 0.09)], 3 * (6000 + i));
  const ref = [1.1, 1.1, 1.1];
  expect(relClose(hypervolume(p, 3, ref), hypervolume3dBitTree(front, 6000, ref), 1e-12)).toBe(true);
});

test('3-D sets whose staircase would shift too often go through the bit tree', () => {
  // x rises as z falls: every point enters the sorted staircase at its front, O(n^2) moves.
  const n = 3000;
  const p = new Float64Array(3 * n);
  for (let i = 0; i < n; i++) p.set([i / n, 1 - i / n, 1 - i / n], 3 * i);
  const ref = [1.1, 1.1, 1.1];
  const expected = hypervolume3dBitTree(p, n, ref);
  expect(relClose(hypervolume3dKernel(p, n, ref), expected, 1e-12)).toBe(true);
  expect(relClose(hypervolume(p, 3, ref), expected, 1e-12)).toBe(true);
});

describe('hypervolume properties', () => {
  for (const d of [2, 3, 4, 5]) {
    const pts = realPoints(d, maxN(d) * 2, 1);
    fcTest.prop([pts, fc.integer()], { numRuns: 60 })(`invariant to row permutation, d = ${d}`, (p, seed) => {
      const n = p.length / d;
      const perm = [...Array(n).keys()].sort((a, b) => ((a * 2654435761 + seed) % 97) - ((b * 2654435761 + seed) % 97));
      const q = new Float64Array(p.length);
      perm.forEach((src, dst) => q.set(p.subarray(src * d, src * d + d), dst * d));
      expect(relClose(hypervolume(q, d, new Array(d).fill(1)), hypervolume(p, d, new Array(d).fill(1)), 1e-12)).toBe(true);
    });
    fcTest.prop([pts, fc.nat(), fc.array(fc.double({ min: 0, max: 0.5, noNaN: true }), { minLength: d, maxLength: d })], {
      numRuns: 60,
    })(`unchanged by adding a dominated point, larger after adding any point, d = ${d}`, (p, which, shift) => {
      const ref = new Array<number>(d).fill(1);
      const base = hypervolume(p, d, ref);
      const src = (which % (p.length / d)) * d;
      const dominated = Float64Array.from([...p, ...shift.map((s, j) => p[src + j]! + s)]);
      expect(relClose(hypervolume(dominated, d, ref), base, 1e-12)).toBe(true);
      const extra = Float64Array.from([...p, ...shift]);
      expect(hypervolume(extra, d, ref)).toBeGreaterThanOrEqual(base * (1 - 1e-12));
    });
  }

  test('the 5-D sweep agrees with the 4-D kernel on a larger front embedded with a zero 5th objective', () => {
    const p4 = spherePoints(150, 4, 3);
    const p5 = new Float64Array(150 * 5);
    for (let i = 0; i < 150; i++) p5.set(p4.subarray(4 * i, 4 * i + 4), 5 * i);
    const hv4 = hypervolume(p4, 4, [1.1, 1.1, 1.1, 1.1]);
    expect(relClose(hypervolume(p5, 5, [1.1, 1.1, 1.1, 1.1, 2]), 2 * hv4, 1e-12)).toBe(true);
  });
});

describe('hypervolume: analytic values', () => {
  test('linear 2-D front x + y = 1 sampled at i / n: (n - 1) / (2n)', () => {
    for (const n of [1, 10, 1000]) {
      const p = new Float64Array(2 * (n + 1));
      for (let i = 0; i <= n; i++) {
        p[2 * i] = i / n;
        p[2 * i + 1] = 1 - i / n;
      }
      expect(relClose(hypervolume(p, 2, [1, 1]), (n - 1) / (2 * n), 1e-12)).toBe(true);
    }
  });
  test('unit vectors with reference 2: 2^d - 1 (inclusion-exclusion)', () => {
    for (const d of [2, 3, 4, 5, 6]) {
      const p = new Float64Array(d * d);
      for (let i = 0; i < d; i++) p[i * d + i] = 1;
      expect(relClose(hypervolume(p, d, new Array(d).fill(2)), 2 ** d - 1, 1e-12)).toBe(true);
    }
  });
  test('three boxes in 3-D: 4 + 4 + 4 - 2 - 2 - 2 + 1 = 7', () => {
    expect(hypervolume(Float64Array.from([0, 0, 1, 0, 1, 0, 1, 0, 0]), 3, [2, 2, 2])).toBe(7);
  });
  test('DTLZ2 with 3 objectives, reference (1,1,1): dense grids approach 1 - pi/6 from below', () => {
    const target = 1 - Math.PI / 6;
    let previous = 0;
    for (const g of [20, 80, 320]) {
      const hv = hypervolume(dtlz2Grid(g), 3, [1, 1, 1]);
      expect(hv).toBeLessThan(target);
      expect(hv).toBeGreaterThan(previous);
      previous = hv;
    }
    expect(target - previous).toBeLessThan(0.01);
  });
});

describe('hypervolume: edge cases and bad input', () => {
  test('empty set and sets that never dominate the reference give 0', () => {
    expect(hypervolume(new Float64Array(0), 3, [1, 1, 1])).toBe(0);
    expect(hypervolume(Float64Array.from([1, 0, 2, 2]), 2, [1, 1])).toBe(0);
    expect(hypervolume(Float64Array.from([0.5, 1]), 2, [1, 1])).toBe(0);
  });
  test('typed errors name the problem', () => {
    const kind = (f: () => unknown): string => {
      try {
        f();
        return 'none';
      } catch (e) {
        return MultiObjectiveError.is(e) ? e.kind : 'other';
      }
    };
    expect(kind(() => hypervolume(Float64Array.from([0, NaN]), 2, [1, 1]))).toBe('non-finite');
    expect(kind(() => hypervolume(Float64Array.from([0, Infinity]), 2, [1, 1]))).toBe('non-finite');
    expect(kind(() => hypervolume(Float64Array.from([0, 1, 2]), 2, [1, 1]))).toBe('dimension-mismatch');
    expect(kind(() => hypervolume(Float64Array.from([0, 1]), 2, [1, 1, 1]))).toBe('dimension-mismatch');
    expect(kind(() => hypervolume(Float64Array.from([0, 1]), 2, [1, NaN]))).toBe('invalid-reference');
    expect(kind(() => hypervolume([0, 1] as unknown as Float64Array, 2, [1, 1]))).toBe('invalid-points');
  });
  for (const d of [3, 4]) {
    test(`${d}-D checks values in its pruning scan: every non-finite value is found, wherever it lies`, () => {
      const ones = new Array<number>(d).fill(1);
      const badRef = ones.map((v, j) => (j === 1 ? NaN : v));
      // Rows inside and outside the reference, dominated and not, in the sample and off it, and
      // past the row count at which copies are looked for; with copies (period 13) and without.
      for (const n of [1, 7, 100, 1200]) {
        for (const period of [13, 7919]) {
          const base = new Float64Array(d * n);
          for (let i = 0; i < d * n; i++) base[i] = ((i * 7919) % period) / (period === 13 ? 10 : 7000);
          for (const at of [0, d * n - 1, d * Math.floor(n / 2) + 1]) {
            for (const bad of [NaN, Infinity, -Infinity]) {
              const p = base.slice();
              p[at] = bad;
              const row = Math.floor(at / d);
              expect(() => hypervolume(p, d, ones)).toThrow(`points[${row}][${at % d}] is ${bad}`);
              // A bad point is reported before a bad reference, as when the points were checked first.
              expect(() => hypervolume(p, d, badRef)).toThrow(`points[${row}][${at % d}]`);
            }
          }
        }
      }
      expect(() => hypervolume(new Float64Array(d), d, badRef)).toThrow('reference[1]');
      // +Infinity and -Infinity in one set (their sum is NaN): the first is named.
      const both = new Float64Array(3 * d).fill(0.5);
      both[d + 1] = Infinity;
      both[2 * d] = -Infinity;
      expect(() => hypervolume(both, d, ones)).toThrow('points[1][1] is Infinity');
      // Huge finite values whose differences overflow are not mistaken for non-finite ones.
      const huge = new Float64Array(2 * d).fill(0);
      huge.fill(-1e308, 0, d);
      huge[d] = 1e308;
      expect(hypervolume(huge, d, new Array<number>(d).fill(1e308))).toBe(Infinity);
    });
  }
});
