import { test as fcTest } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { clusteredPoints, intPoints, spherePoints } from '../testing/oracleFixtures';
import { pruneDominated3d } from './pruneDominated3d';

const row = (p: Float64Array, i: number): number[] => Array.from(p.subarray(3 * i, 3 * i + 3));

/** Every row of `base` `copies` times, the rows shuffled by a fixed permutation. */
function repeated(base: Float64Array, copies: number): Float64Array {
  const k = base.length / 3;
  const n = k * copies;
  const out = new Float64Array(3 * n);
  for (let i = 0; i < n; i++) {
    // 7919 is a prime larger than any n here, so i -> 7919 i mod n is a permutation.
    const to = (7919 * i) % n;
    out.set(base.subarray(3 * (i % k), 3 * (i % k) + 3), 3 * to);
  }
  return out;
}

/** The invariant every result keeps: distinct kept rows inside ref, covering every inside row. */
function expectPruned(p: Float64Array, ref: Float64Array, kept: { rows: Int32Array; n: number }): number[] {
  const n = p.length / 3;
  const rows = Array.from(kept.rows.subarray(0, kept.n));
  expect(new Set(rows).size).toBe(rows.length);
  const inside: number[] = [];
  for (let i = 0; i < n; i++) if (row(p, i).every((v, j) => v < ref[j]!)) inside.push(i);
  for (const r of rows) expect(inside).toContain(r);
  expect(kept.n === 0).toBe(inside.length === 0);
  for (const i of inside) expect(rows.some((k) => row(p, k).every((v, j) => v <= p[3 * i + j]!))).toBe(true);
  return rows;
}

describe('pruneDominated3d', () => {
  // Up to 400 rows so the sampled first pivot and the further passes are exercised; values 0..5
  // against a reference of 4, so many rows lie outside it and many tie or repeat.
  fcTest.prop([intPoints(3, 400, 5)], { numRuns: 150 })('keeps distinct inside rows, and every inside row has a kept row weakly dominating it', (p) => {
    const ref = Float64Array.of(4, 4, 4);
    expectPruned(p, ref, pruneDominated3d(p, p.length / 3, ref));
  });

  // Every point repeated: the pivot's copy ties its score, so copies are removed by hashing
  // (thousandths: values the hash spreads; it may give up on values near 0, as documented).
  const thousandths = intPoints(3, 60, 999, 1).map((p) => p.map((v) => v / 1000));
  fcTest.prop([thousandths, fc.integer({ min: 2, max: 5 })], { numRuns: 100 })('keeps one row per distinct point when every point repeats', (base, copies) => {
    const p = repeated(base, copies);
    const ref = Float64Array.of(1, 1, 1);
    const rows = expectPruned(p, ref, pruneDominated3d(p, p.length / 3, ref));
    expect(new Set(rows.map((r) => row(p, r).join())).size).toBe(rows.length);
  });

  // Clusters clipped to [0, 1]: rows at the bounds tie, and whether a further pivot's pass runs
  // depends on its sample (wide clusters, many rows: the pivots drop little and the passes stop).
  fcTest.prop([fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom(0.01, 0.03, 0.1, 0.3), fc.nat()], { numRuns: 40 })(
    'keeps the invariant on clustered points clipped to [0, 1]',
    (n, k, sd, seed) => {
      const p = clusteredPoints(n, k, sd, seed);
      expectPruned(p, Float64Array.of(1.1, 1.1, 1.1), pruneDominated3d(p, n, Float64Array.of(1.1, 1.1, 1.1)));
      // A reference at the clip bound: every row with a coordinate at 1 is outside.
      expectPruned(p, Float64Array.of(1, 1, 1), pruneDominated3d(p, n, Float64Array.of(1, 1, 1)));
    },
  );

  test('drops the copies of a front whose every point repeats ten times', () => {
    // 10 x 10 rows: the pivot drops only its own copies, the hash the 81 others.
    const p = repeated(spherePoints(10, 3, 5), 10);
    const kept = pruneDominated3d(p, 100, Float64Array.of(1.1, 1.1, 1.1));
    expect(kept.n).toBe(10);
  });

  test('keeps the invariant when the hash cannot spread the values (huge magnitudes)', () => {
    // Scaled past the double range every value hashes alike: the probe limit gives up.
    const base = spherePoints(40, 3, 9).map((v) => v * 1e300);
    const p = repeated(base, 3);
    const ref = Float64Array.of(1.1e300, 1.1e300, 1.1e300);
    const rows = expectPruned(p, ref, pruneDominated3d(p, 120, ref));
    expect(rows.length).toBeLessThan(120);
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
