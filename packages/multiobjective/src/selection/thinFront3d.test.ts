import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { hypervolumeContributions } from '../indicators/hypervolumeContributions';
import { intPoints, spherePoints } from '../testing/oracleFixtures';
import { thinFront3d } from './thinFront3d';

/** Greedy removal recomputing every contribution from scratch (outside points first). */
function naiveThin(p: Float64Array, ref: number[], count: number): number[] {
  const n = p.length / 3;
  const alive = [...Array(n).keys()];
  const out: number[] = [];
  while (out.length < count) {
    const sub = new Float64Array(alive.length * 3);
    alive.forEach((i, t) => sub.set(p.subarray(3 * i, 3 * i + 3), 3 * t));
    const c = hypervolumeContributions(sub, 3, ref);
    let best = -1;
    let bestKey = Infinity;
    alive.forEach((i, t) => {
      const inside = p[3 * i]! < ref[0]! && p[3 * i + 1]! < ref[1]! && p[3 * i + 2]! < ref[2]!;
      const key = inside ? c[t]! : -1;
      if (key < bestKey) {
        bestKey = key;
        best = t;
      }
    });
    out.push(alive[best]!);
    alive.splice(best, 1);
  }
  return out;
}

describe('thinFront3d (support-tracked lazy greedy with a k-d tree)', () => {
  // Integer coordinates make every volume exact, so ties (duplicates, dominated points, equal
  // contributions) are resolved by index exactly as in the naive loop.
  fcTest.prop([intPoints(3, 30, 6, 1), fc.nat()], { numRuns: 150 })(
    'equals naive greedy on integer points with ties (some outside the reference)',
    (p, raw) => {
      const n = p.length / 3;
      const count = raw % (n + 1);
      const ref = [5, 5, 5];
      expect(Array.from(thinFront3d(p, n, Float64Array.from(ref), count))).toEqual(naiveThin(p, ref, count));
    },
  );
  // Six-digit reals: no subnormal products, so equal-looking contributions are real ties only.
  const sixDigits = intPoints(3, 40, 1_000_000, 1).map((p) => p.map((v) => v / 1_000_000));
  fcTest.prop([sixDigits, fc.nat()], { numRuns: 100 })('equals naive greedy on real points', (p, raw) => {
    const n = p.length / 3;
    const count = raw % (n + 1);
    const ref = [0.95, 0.95, 0.95];
    expect(Array.from(thinFront3d(p, n, Float64Array.from(ref), count))).toEqual(naiveThin(p, ref, count));
  });
  test('a 200-point front with duplicated rows, thinned to 20', () => {
    const base = spherePoints(150, 3, 11);
    const p = new Float64Array(200 * 3);
    p.set(base);
    for (let i = 0; i < 50; i++) p.set(base.subarray(3 * (3 * i), 3 * (3 * i) + 3), 3 * (150 + i));
    const ref = [1.1, 1.1, 1.1];
    const got = Array.from(thinFront3d(p, 200, Float64Array.from(ref), 180));
    const want = naiveThin(p, ref, 180);
    // Real-valued near-ties could legitimately differ in the last bits; require the same set.
    expect(got.slice(0, 50).sort((a, b) => a - b)).toEqual(want.slice(0, 50).sort((a, b) => a - b));
    expect(got).toEqual(want);
  });
});
