import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { bruteHypervolume, intPoints, realPoints, relClose, spherePoints, uniformPoints } from '../testing/oracleFixtures';
import { hypervolumeContributions3dKernel, hypervolumeContributions3dTree } from './hypervolumeContributions3dKernel';
import { SMALL_MAX, hypervolumeContributions3dSmall, hypervolumeContributions3dWithin } from './hypervolumeContributions3dSmall';
import { staircaseMoveBudget } from './staircaseMoveBudget';

function without(p: Float64Array, i: number): Float64Array {
  return Float64Array.from([...p.subarray(0, 3 * i), ...p.subarray(3 * i + 3)]);
}

/** The kernel's contract: every row strictly dominates the reference. */
const ref = (v: number): number[] => [v, v, v];

describe('hypervolumeContributions3dSmall (sorted-array sweep)', () => {
  fcTest.prop([intPoints(3, 16, 3)], { numRuns: 150 })('equals HV(all) - HV(all but i) on integer sets (ties, copies)', (p) => {
    const r = ref(4);
    const c = hypervolumeContributions3dSmall(p, p.length / 3, r);
    const all = bruteHypervolume(p, 3, r);
    for (let i = 0; i < p.length / 3; i++) expect(relClose(c[i]!, all - bruteHypervolume(without(p, i), 3, r), 1e-12)).toBe(true);
  });
  fcTest.prop([intPoints(3, 8, 3, 1), fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 8, maxLength: 8 })], { numRuns: 100 })(
    'runs of copies (skipped after the first copy) give the oracle contributions',
    (distinct, times) => {
      const rows: number[] = [];
      for (let k = 0; k < distinct.length / 3; k++) {
        for (let c = 0; c < times[k]!; c++) rows.push(...distinct.subarray(3 * k, 3 * k + 3));
      }
      const p = Float64Array.from(rows);
      const r = ref(4);
      const c = hypervolumeContributions3dSmall(p, p.length / 3, r);
      const all = bruteHypervolume(p, 3, r);
      for (let i = 0; i < p.length / 3; i++) expect(relClose(c[i]!, all - bruteHypervolume(without(p, i), 3, r), 1e-12)).toBe(true);
    },
  );
  fcTest.prop([realPoints(3, 14)], { numRuns: 80 })('equals HV(all) - HV(all but i) on real sets', (p) => {
    const r = ref(1);
    const c = hypervolumeContributions3dSmall(p, p.length / 3, r);
    const all = bruteHypervolume(p, 3, r);
    for (let i = 0; i < p.length / 3; i++) expect(relClose(c[i]!, all - bruteHypervolume(without(p, i), 3, r), 1e-10)).toBe(true);
  });
  fcTest.prop([fc.oneof(intPoints(3, 300, 12, 50), realPoints(3, 300, 50))], { numRuns: 40 })('agrees with the bit-tree sweep on larger sets', (p) => {
    const r = ref(p.length > 0 && p.some((v) => v >= 1) ? 13 : 1);
    const n = p.length / 3;
    const a = hypervolumeContributions3dSmall(p, n, r);
    const b = hypervolumeContributions3dTree(p, n, r);
    for (let i = 0; i < n; i++) expect(relClose(a[i]!, b[i]!, 1e-12)).toBe(true);
  });
  test('fronts, dominated sets and one height: agrees with the bit-tree sweep, buffers reused across sizes', () => {
    const flat = spherePoints(2000, 3, 3);
    for (let i = 0; i < 2000; i++) flat[3 * i + 2] = 0.5;
    for (const p of [spherePoints(1500, 3, 1), uniformPoints(2000, 3, 2), flat, spherePoints(50, 3, 4)]) {
      const n = p.length / 3;
      const a = hypervolumeContributions3dSmall(p, n, ref(1.1));
      const b = hypervolumeContributions3dTree(p, n, ref(1.1));
      let total = 0;
      for (let i = 0; i < n; i++) total += Math.abs(b[i]!);
      for (let i = 0; i < n; i++) expect(Math.abs(a[i]! - b[i]!)).toBeLessThanOrEqual(1e-12 * Math.max(total, 1e-300));
    }
  });
  fcTest.prop([fc.integer({ min: 2, max: 12 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 2, maxLength: 400 }), fc.boolean()], { numRuns: 60 })(
    'fronts on a grid (ties in every coordinate, entries replaced at equal x, gaps refilled) agree with the bit-tree sweep',
    (g, picks, curved) => {
      // x + y + z = g on integers, or the same corner of a concave front rounded to 1/g: many
      // points evict runs of entries and leave gaps, and many share an x with a staircase entry.
      const n = picks.length;
      const p = new Float64Array(3 * n);
      for (let i = 0; i < n; i++) {
        const x = picks[i]![0] % (g + 1);
        const y = picks[i]![1] % (g + 1 - x);
        if (curved) {
          const r = (v: number): number => Math.round(v * g) / g;
          const u = x / g;
          const v = (y / g) * (1 - u);
          p.set([r(u * u), r(v * v), r(Math.max(0, 1 - u - v) ** 2)], 3 * i);
        } else p.set([x, y, g - x - y], 3 * i);
      }
      const r = ref(curved ? 1.5 : g + 1);
      const a = hypervolumeContributions3dSmall(p, n, r);
      const b = hypervolumeContributions3dTree(p, n, r);
      let total = 0;
      for (let i = 0; i < n; i++) total += Math.abs(b[i]!);
      for (let i = 0; i < n; i++) expect(Math.abs(a[i]! - b[i]!)).toBeLessThanOrEqual(1e-12 * Math.max(total, 1e-300));
    },
  );
  test('newcomers that need room where no gap is near (the staircase laid out again) agree with the bit-tree sweep', () => {
    // x falls as z rises, with noise in y: most points enter at the left end of the staircase,
    // a few evict a run of entries and leave gaps behind.
    const n = 2500;
    const p = new Float64Array(3 * n);
    let s = 12345;
    const rand = (): number => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) + 0.5) / 4294967296;
    for (let i = 0; i < n; i++) {
      const t = rand();
      p.set([1 - t, t + 0.2 * rand(), t], 3 * i);
    }
    const a = hypervolumeContributions3dSmall(p, n, ref(1.5));
    const b = hypervolumeContributions3dTree(p, n, ref(1.5));
    for (let i = 0; i < n; i++) expect(relClose(a[i]!, b[i]!, 1e-12) || Math.abs(a[i]! - b[i]!) < 1e-15).toBe(true);
  });
  test('gives up past the move budget, and the kernel then agrees with the bit-tree sweep', () => {
    // x rises as z falls: every point enters the staircase at its front, O(n^2) moves.
    const n = 3000;
    const p = new Float64Array(3 * n);
    for (let i = 0; i < n; i++) p.set([i / n, 1 - i / n, 1 - i / n], 3 * i);
    expect(hypervolumeContributions3dWithin(p, n, ref(1.1), staircaseMoveBudget(n))).toBeUndefined();
    const a = hypervolumeContributions3dKernel(p, n, ref(1.1));
    const b = hypervolumeContributions3dSmall(p, n, ref(1.1));
    const c = hypervolumeContributions3dTree(p, n, ref(1.1));
    for (let i = 0; i < n; i++) {
      expect(relClose(a[i]!, c[i]!, 1e-12)).toBe(true);
      expect(relClose(b[i]!, c[i]!, 1e-12)).toBe(true);
    }
  });
  test('takes SMALL_MAX points in its kept buffers; past them the kernel runs the bit-tree sweep', () => {
    const p = uniformPoints(SMALL_MAX, 3, 5);
    const a = hypervolumeContributions3dSmall(p, SMALL_MAX, ref(1.1));
    const b = hypervolumeContributions3dTree(p, SMALL_MAX, ref(1.1));
    let differ = 0;
    for (let i = 0; i < SMALL_MAX; i++) if (!relClose(a[i]!, b[i]!, 1e-12)) differ++;
    expect(differ).toBe(0);
    // One more row, dominated by every other: it adds 0 and changes no contribution.
    const more = new Float64Array(3 * SMALL_MAX + 3).fill(1.05);
    more.set(p);
    expect(hypervolumeContributions3dWithin(more, SMALL_MAX + 1, ref(1.1), Infinity)).toBeUndefined();
    const c = hypervolumeContributions3dKernel(more, SMALL_MAX + 1, ref(1.1));
    expect(c[SMALL_MAX]).toBe(0);
    for (let i = 0; i < SMALL_MAX; i++) if (!relClose(c[i]!, a[i]!, 1e-12)) differ++;
    expect(differ).toBe(0);
  });
});
