import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { bruteHypervolume, intPoints, realPoints, relClose, spherePoints, uniformPoints } from '../testing/oracleFixtures';
import { hypervolume } from './hypervolume';
import { hypervolumeContributions } from './hypervolumeContributions';

function without(p: Float64Array, d: number, i: number): Float64Array {
  return Float64Array.from([...p.subarray(0, i * d), ...p.subarray(i * d + d)]);
}

describe('hypervolumeContributions = HV(all) - HV(all but one)', () => {
  for (const d of [1, 2, 3, 4, 5]) {
    const n = d >= 5 ? 7 : d === 4 ? 10 : 18;
    fcTest.prop([fc.oneof(intPoints(d, n, 4), realPoints(d, n))], { numRuns: 80 })(`oracle, d = ${d}`, (p) => {
      const ref = new Array<number>(d).fill(p.length > 0 && p[0]! >= 1 ? 4 : 0.9);
      const c = hypervolumeContributions(p, d, ref);
      const all = bruteHypervolume(p, d, ref);
      for (let i = 0; i < p.length / d; i++) {
        expect(relClose(c[i]!, all - bruteHypervolume(without(p, d, i), d, ref), 1e-10)).toBe(true);
      }
    });
  }
  test('3-D kernel on a larger front agrees with the fast HV kernel', () => {
    const p = spherePoints(300, 3, 21);
    const ref = [1.1, 1.1, 1.1];
    const c = hypervolumeContributions(p, 3, ref);
    const all = hypervolume(p, 3, ref);
    for (let i = 0; i < 300; i += 7) expect(relClose(c[i]!, all - hypervolume(without(p, 3, i), 3, ref), 1e-9)).toBe(true);
  });
  test('4-D with mostly dominated rows and copies agrees with the fast HV kernel', () => {
    // Rows under one undominated point alone bite into its contribution; copies get 0.
    const u = uniformPoints(120, 4, 8);
    const p = Float64Array.from([...u, ...u.subarray(0, 4 * 40)]);
    const ref = [1, 1, 1, 1];
    const c = hypervolumeContributions(p, 4, ref);
    const all = hypervolume(p, 4, ref);
    for (let i = 0; i < 160; i++) expect(relClose(c[i]!, all - hypervolume(without(p, 4, i), 4, ref), 1e-9)).toBe(true);
  });
  test('dominated and duplicated points contribute 0', () => {
    const p = Float64Array.from([0, 2, 0, 2, 1, 1, 2, 2, 3, 0]);
    expect(Array.from(hypervolumeContributions(p, 2, [4, 4]))).toEqual([0, 0, 2, 0, 1]);
  });
  test('points outside the reference contribute 0 and empty input is empty', () => {
    expect(Array.from(hypervolumeContributions(Float64Array.from([5, 0, 0, 0]), 2, [1, 1]))).toEqual([0, 1]);
    expect(hypervolumeContributions(new Float64Array(0), 3, [1, 1, 1]).length).toBe(0);
  });
  for (const d of [2, 3]) {
    // 64 to 100 rows of small integers: the sorts' radix path and, in 3-D, the sweep over one
    // row per distinct point (nearly every row has copies).
    fcTest.prop([intPoints(d, 100, 4, 64)], { numRuns: 15 })(`oracle on 64-100 rows with many copies, d = ${d}`, (p) => {
      const ref = new Array<number>(d).fill(4);
      const c = hypervolumeContributions(p, d, ref);
      const all = bruteHypervolume(p, d, ref);
      for (let i = 0; i < p.length / d; i++) {
        expect(relClose(c[i]!, all - bruteHypervolume(without(p, d, i), d, ref), 1e-10)).toBe(true);
      }
    });
  }
  fcTest.prop([realPoints(3, 100, 1), fc.array(fc.nat(), { minLength: 1, maxLength: 30 })], { numRuns: 60 })(
    '3-D: copies get 0 and leave every other contribution the same to the bit',
    (p, picks) => {
      const n = p.length / 3;
      const copied = new Set(picks.map((k) => k % n));
      const withCopies = Float64Array.from([...p, ...[...copied].flatMap((i) => Array.from(p.subarray(3 * i, 3 * i + 3)))]);
      const ref = [1, 1, 1];
      const base = hypervolumeContributions(p, 3, ref);
      const c = hypervolumeContributions(withCopies, 3, ref);
      for (let i = 0; i < n; i++) expect(c[i]).toBe(copied.has(i) ? 0 : base[i]);
      for (let i = n; i < c.length; i++) expect(c[i]).toBe(0);
    },
  );
  test('2-D, 1200 rows, half of them copies: the kernel runs on the distinct points, to the bit', () => {
    // Past 1000 rows with many copies the 2-D kernel runs on one row per point (distinctRows).
    const p = uniformPoints(600, 2, 3);
    const withCopies = new Float64Array(2400);
    withCopies.set(p);
    for (let k = 0; k < 600; k++) withCopies.set(p.subarray(2 * (k % 300), 2 * (k % 300) + 2), 1200 + 2 * k);
    const ref = [1, 1];
    const base = hypervolumeContributions(p, 2, ref);
    const c = hypervolumeContributions(withCopies, 2, ref);
    for (let i = 0; i < 600; i++) expect(c[i]).toBe(i < 300 ? 0 : base[i]);
    for (let i = 600; i < 1200; i++) expect(c[i]).toBe(0);
    expect(base.some((v, i) => i < 300 && v > 0)).toBe(true);
  });
  test('3-D, 100 points: equal to HV(all) - HV(all but one), and the same after a call on a larger set', () => {
    const p = spherePoints(100, 3, 5);
    const ref = [1.1, 1.1, 1.1];
    const c = hypervolumeContributions(p, 3, ref);
    const all = hypervolume(p, 3, ref);
    for (let i = 0; i < 100; i++) expect(relClose(c[i]!, all - hypervolume(without(p, 3, i), 3, ref), 1e-9)).toBe(true);
    hypervolumeContributions(spherePoints(3000, 3, 6), 3, ref);
    expect(hypervolumeContributions(p, 3, ref)).toEqual(c);
  });
  test('3-D, 1200 rows with copies (one sweep per distinct point): copies get 0, single rows HV(all) - HV(all but one)', () => {
    // 100 points repeated 10 times and 200 single ones, interleaved.
    const base = spherePoints(300, 3, 9);
    const rows: number[] = [];
    for (let i = 0; i < 1200; i++) rows.push(i < 1000 ? i % 100 : i - 900);
    const p = new Float64Array(3 * rows.length);
    rows.forEach((r, i) => p.set(base.subarray(3 * r, 3 * r + 3), 3 * i));
    const ref = [1.1, 1.1, 1.1];
    const c = hypervolumeContributions(p, 3, ref);
    const all = hypervolume(p, 3, ref);
    for (let i = 0; i < 1000; i += 7) expect(c[i]).toBe(0);
    for (let i = 1000; i < 1200; i++) expect(relClose(c[i]!, all - hypervolume(without(p, 3, i), 3, ref), 1e-9)).toBe(true);
  });
  test('values are checked wherever the bad one lies, before the reference', () => {
    for (const d of [2, 3, 4]) {
      for (const n of [1, 50, 1200]) {
        for (const bad of [NaN, Infinity, -Infinity]) {
          const p = new Float64Array(d * n).fill(0.5);
          const at = d * n - 1;
          p[at] = bad;
          const where = `points[${n - 1}][${d - 1}] is ${bad}`;
          expect(() => hypervolumeContributions(p, d, new Array<number>(d).fill(1))).toThrow(where);
          expect(() => hypervolumeContributions(p, d, new Array<number>(d).fill(NaN))).toThrow(where);
        }
      }
      expect(() => hypervolumeContributions(new Float64Array(d).fill(0.5), d, new Array<number>(d).fill(NaN))).toThrow('reference[0]');
    }
  });
});
