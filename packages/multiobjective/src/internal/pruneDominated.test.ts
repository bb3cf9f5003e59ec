import { test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { bruteHypervolume, intPoints, realPoints, relClose } from '../testing/oracleFixtures';
import { hypervolume } from '../indicators/hypervolume';
import { pruneDominated } from './pruneDominated';

const rowsOf = (p: Float64Array, n: number, d: number): string[] =>
  Array.from({ length: n }, (_, i) => Array.from(p.subarray(i * d, i * d + d)).join(',')).sort();

describe('pruneDominated', () => {
  for (const d of [2, 3, 4, 5, 6]) {
    // Up to 400 rows so the sampled first pivot (every ~sqrt(n)/4-th row) is exercised; values
    // 0..5 against a reference of 4, so many rows lie outside it and many tie or repeat.
    fcTest.prop([intPoints(d, 400, 5)], { numRuns: 80 })(`keeps inside rows only, and every inside row has a kept row weakly dominating it, d = ${d}`, (p) => {
      const n = p.length / d;
      const ref = Float64Array.from(new Array<number>(d).fill(4));
      const kept = pruneDominated(p, n, d, ref);
      const inside: number[] = [];
      for (let i = 0; i < n; i++) if (p.subarray(i * d, i * d + d).every((v, j) => v < ref[j]!)) inside.push(i);
      // Kept rows are a sub-multiset of the inside rows.
      const pool = rowsOf(Float64Array.from(inside.flatMap((i) => Array.from(p.subarray(i * d, i * d + d)))), inside.length, d);
      for (const row of rowsOf(kept.data, kept.n, d)) {
        const at = pool.indexOf(row);
        expect(at).toBeGreaterThanOrEqual(0);
        pool.splice(at, 1);
      }
      expect(kept.n === 0).toBe(inside.length === 0);
      for (const i of inside) {
        let covered = false;
        for (let k = 0; k < kept.n && !covered; k++) {
          covered = true;
          for (let j = 0; j < d; j++) if (kept.data[k * d + j]! > p[i * d + j]!) covered = false;
        }
        expect(covered).toBe(true);
      }
    });
  }

  // Above 64 rows the first pivot comes from a sample; in 4-D only its scan runs, in 5-D passes follow.
  for (const [d, numRuns] of [
    [3, 60],
    [4, 30],
    [5, 15],
  ] as const) {
    fcTest.prop([intPoints(d, 300, 6, 50)], { numRuns })(`hypervolume of larger ${d}-D sets equals the oracle`, (p) => {
      const ref = new Array<number>(d).fill(6);
      expect(relClose(hypervolume(p, d, ref), bruteHypervolume(p, d, ref), 1e-12)).toBe(true);
    });
  }

  // A is nearest the ideal corner and covers D; B covers C, which A does not. Later passes (B as
  // the second pivot) pay for d = 5; for d = 4 the kernel skips C as cheaply, so C stays.
  for (const [d, kept] of [
    [4, ['0,0,0,1', '1,1,1,0', '2,2,2,0.5']],
    [5, ['0,0,0,1,0', '1,1,1,0,0']],
  ] as const) {
    test(`d = ${d}: ${kept.length} rows kept, C ${d === 4 ? 'left to the kernel' : 'dropped by a second pass'}`, () => {
      const rows = [
        [0, 0, 0, 1],
        [1, 1, 1, 0],
        [2, 2, 2, 0.5],
        [1, 1, 1, 1],
      ].map((r) => (d === 4 ? r : [...r, 0]));
      const p = Float64Array.from(rows.flat());
      const ref = Float64Array.from(new Array<number>(d).fill(4));
      const out = pruneDominated(p, rows.length, d, ref);
      expect(rowsOf(out.data, out.n, d)).toEqual([...kept].sort());
      expect(relClose(hypervolume(p, d, ref), bruteHypervolume(p, d, Array.from(ref)), 1e-12)).toBe(true);
    });
  }

  for (const d of [3, 4, 5]) {
    test(`finds a row inside the reference that the sample missed, d = ${d}`, () => {
      const n = 400;
      const p = new Float64Array(n * d).fill(2);
      // Row 7 is not on the sample's stride (5); every other row is outside the reference.
      const row = new Array<number>(d).fill(0.5);
      p.set(row, 7 * d);
      const kept = pruneDominated(p, n, d, Float64Array.from(new Array<number>(d).fill(1)));
      expect(kept.n).toBe(1);
      expect(Array.from(kept.data)).toEqual(row);
      expect(hypervolume(p, d, new Array<number>(d).fill(1))).toBe(0.5 ** d);
    });
  }

  // The first pivot (row 0 of the output) is the sampled row nearest the ideal corner, the first
  // of equal ones: d = 4 picks it in a loop of its own, which must pick the same row.
  for (const d of [4, 5]) {
    fcTest.prop([fc.oneof(intPoints(d, 300, 5, 1), realPoints(d, 300, 1))], { numRuns: 100 })(
      `the first pivot is the sampled row of least scaled sum, d = ${d}`,
      (p) => {
        const n = p.length / d;
        const ref = Float64Array.from(new Array<number>(d).fill(4.5));
        const row = (i: number): number[] => Array.from(p.subarray(i * d, i * d + d));
        let pivot: number[] | undefined;
        for (const stride of [Math.max(1, Math.floor(Math.sqrt(n) / 4)), 1]) {
          const sample: number[][] = [];
          for (let i = 0; i < n; i += stride) if (row(i).every((v, j) => v < ref[j]!)) sample.push(row(i));
          if (sample.length === 0) continue;
          const weight = ref.map((r, j) => 1 / (r - Math.min(r, ...sample.map((q) => q[j]!))));
          let best = Infinity;
          for (const q of sample) {
            const score = q.reduce((s, v, j) => s + v * weight[j]!, 0);
            if (score < best) {
              best = score;
              pivot = q;
            }
          }
          break;
        }
        const kept = pruneDominated(p, n, d, ref);
        expect(kept.n === 0 ? undefined : Array.from(kept.data.subarray(0, d))).toEqual(pivot);
      },
    );
  }
});
