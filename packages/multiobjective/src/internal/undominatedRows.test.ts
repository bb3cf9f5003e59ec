import { test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { intPoints } from '../testing/oracleFixtures';
import { undominatedRows } from './undominatedRows';

const row = (p: Float64Array, d: number, i: number): number[] => Array.from(p.subarray(i * d, i * d + d));
const key = (r: number[]): string => r.join(',');
const leq = (a: number[], b: number[]): boolean => a.every((v, j) => v <= b[j]!);

describe('undominatedRows', () => {
  for (const d of [2, 4, 5]) {
    fcTest.prop([intPoints(d, 40, 4)], { numRuns: 100 })(`the two layers by brute force, d = ${d}`, (p) => {
      const n = p.length / d;
      const distinct = [...new Map(Array.from({ length: n }, (_, i) => [key(row(p, d, i)), row(p, d, i)])).values()];
      const kept = distinct.filter((a) => !distinct.some((b) => b !== a && leq(b, a)));
      const r = undominatedRows(p, n, d);
      expect(r.k).toBe(kept.length);
      const got = Array.from({ length: r.k }, (_, t) => row(r.kept, d, t));
      expect(new Set(got.map(key))).toEqual(new Set(kept.map(key)));
      for (let t = 0; t < r.k; t++) {
        expect(row(p, d, r.rows[t]!)).toEqual(got[t]);
        const copies = Array.from({ length: n }, (_, i) => key(row(p, d, i))).filter((s) => s === key(got[t]!)).length;
        expect(r.copied[t]).toBe(copies > 1 ? 1 : 0);
      }
      // One inner row per distinct point that exactly one kept point weakly dominates.
      const inner = distinct.filter((a) => kept.filter((b) => b !== a && leq(b, a)).length === 1 && !kept.includes(a));
      expect(r.inners).toBe(inner.length);
      for (let s = 0; s < r.inners; s++) {
        const a = row(p, d, r.innerRows[s]!);
        expect(inner.map(key)).toContain(key(a));
        expect(leq(got[r.innerOwner[s]!]!, a)).toBe(true);
      }
    });
  }
  test('a copy of a kept row marks it; rows under two kept rows are left out', () => {
    // (1,3) and (3,1) are kept, (1,3) twice; (2,4) lies under (1,3) alone, (4,4) under both.
    const p = Float64Array.from([4, 4, 1, 3, 3, 1, 2, 4, 1, 3]);
    const r = undominatedRows(p, 5, 2);
    expect(r.k).toBe(2);
    expect(Array.from(r.rows.subarray(0, 2))).toEqual([1, 2]);
    expect(Array.from(r.copied.subarray(0, 2))).toEqual([1, 0]);
    expect(r.inners).toBe(1);
    expect(r.innerRows[0]).toBe(3);
    expect(r.innerOwner[0]).toBe(0);
  });
});
