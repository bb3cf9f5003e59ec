import { test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { intPoints } from '../testing/oracleFixtures';
import { pruneDominated3d } from './pruneDominated3d';

const row = (p: Float64Array, i: number): number[] => Array.from(p.subarray(3 * i, 3 * i + 3));

describe('pruneDominated3d', () => {
  // Up to 400 rows so the sampled first pivot and the further passes are exercised; values 0..5
  // against a reference of 4, so many rows lie outside it and many tie or repeat.
  fcTest.prop([intPoints(3, 400, 5)], { numRuns: 150 })('keeps distinct inside rows, and every inside row has a kept row weakly dominating it', (p) => {
    const n = p.length / 3;
    const ref = Float64Array.of(4, 4, 4);
    const kept = pruneDominated3d(p, n, ref);
    const rows = Array.from(kept.rows.subarray(0, kept.n));
    expect(new Set(rows).size).toBe(rows.length);
    const inside: number[] = [];
    for (let i = 0; i < n; i++) if (row(p, i).every((v, j) => v < ref[j]!)) inside.push(i);
    for (const r of rows) expect(inside).toContain(r);
    expect(kept.n === 0).toBe(inside.length === 0);
    for (const i of inside) expect(rows.some((k) => row(p, k).every((v, j) => v <= p[3 * i + j]!))).toBe(true);
  });

  test('finds a row inside the reference that the sample missed', () => {
    const n = 400;
    const p = new Float64Array(n * 3).fill(2);
    // Row 7 is not on the sample's stride (5); every other row is outside the reference.
    p.set([0.5, 0.5, 0.5], 7 * 3);
    const kept = pruneDominated3d(p, n, Float64Array.of(1, 1, 1));
    expect(kept.n).toBe(1);
    expect(kept.rows[0]).toBe(7);
  });

  test('reports a value that is not finite with n = -1, whether or not a row lies inside', () => {
    for (const fill of [0.5, 2]) {
      for (const bad of [NaN, Infinity, -Infinity]) {
        const p = new Float64Array(3 * 50).fill(fill);
        p[3 * 31 + 2] = bad;
        expect(pruneDominated3d(p, 50, Float64Array.of(1, 1, 1)).n).toBe(-1);
      }
    }
    expect(pruneDominated3d(new Float64Array(0), 0, Float64Array.of(1, 1, 1)).n).toBe(0);
  });
});
