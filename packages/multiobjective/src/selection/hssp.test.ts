import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { hypervolume } from '../indicators/hypervolume';
import { nonDominatedSort } from '../sorting/nonDominatedSort';
import { intPoints, realPoints, spherePoints } from '../testing/oracleFixtures';
import { hsspExact2d } from './hsspExact2d';
import { hsspGreedyDecremental } from './hsspGreedyDecremental';
import { hsspGreedyIncremental } from './hsspGreedyIncremental';

const pick = (p: Float64Array, d: number, idx: ArrayLike<number>): Float64Array => {
  const out = new Float64Array(idx.length * d);
  for (let t = 0; t < idx.length; t++) out.set(p.subarray(idx[t]! * d, idx[t]! * d + d), t * d);
  return out;
};
function* subsets(n: number, k: number, start = 0, cur: number[] = []): Generator<number[]> {
  if (cur.length === k) {
    yield cur;
    return;
  }
  for (let i = start; i <= n - (k - cur.length); i++) yield* subsets(n, k, i + 1, [...cur, i]);
}

describe('hsspExact2d', () => {
  fcTest.prop([fc.oneof(realPoints(2, 9, 1), intPoints(2, 9, 4, 1)), fc.nat()], { numRuns: 150 })(
    'equals brute force over all k-subsets and is >= both greedy variants',
    (p, raw) => {
      const n = p.length / 2;
      const k = raw % (n + 1);
      const ref = p[0]! >= 1 || p[1]! >= 1 ? [4.5, 4.5] : [1, 1];
      const sel = hsspExact2d(p, ref, k);
      expect(sel.length).toBe(k);
      expect(new Set(sel).size).toBe(k);
      let best = 0;
      for (const s of subsets(n, k)) best = Math.max(best, hypervolume(pick(p, 2, s), 2, ref));
      const got = hypervolume(pick(p, 2, sel), 2, ref);
      expect(Math.abs(got - best)).toBeLessThanOrEqual(1e-12 * Math.max(1, best));
      for (const greedy of [hsspGreedyDecremental, hsspGreedyIncremental]) {
        expect(got).toBeGreaterThanOrEqual(hypervolume(pick(p, 2, greedy(p, 2, ref, k)), 2, ref) - 1e-12);
      }
    },
  );
  test('k = 0, k = n and invalid k', () => {
    const p = Float64Array.from([0, 1, 1, 0]);
    expect(hsspExact2d(p, [2, 2], 0).length).toBe(0);
    expect(Array.from(hsspExact2d(p, [2, 2], 2))).toEqual([0, 1]);
    expect(() => hsspExact2d(p, [2, 2], 3)).toThrow(/k must be/);
    expect(() => hsspExact2d(p, [2, 2], 1.5)).toThrow(/k must be/);
  });
  test('an optimal subset on a linear front of 1000 points with k = 100 spreads evenly', () => {
    const n = 1000;
    const p = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      p[2 * i] = i / (n - 1);
      p[2 * i + 1] = 1 - i / (n - 1);
    }
    const sel = hsspExact2d(p, [1.1, 1.1], 100);
    const hv = hypervolume(pick(p, 2, sel), 2, [1.1, 1.1]);
    expect(hv).toBeGreaterThanOrEqual(hypervolume(pick(p, 2, hsspGreedyDecremental(p, 2, [1.1, 1.1], 100)), 2, [1.1, 1.1]) - 1e-12);
  });
});

describe('greedy HSSP', () => {
  for (const d of [2, 3, 4]) {
    fcTest.prop([intPoints(d, 14, 4, 1), fc.nat()], { numRuns: 80 })(`decremental keeps non-dominated points before dominated ones, d = ${d}`, (p, raw) => {
      const n = p.length / d;
      const k = raw % (n + 1);
      const ranks = nonDominatedSort(p, d);
      const sel = hsspGreedyDecremental(p, d, new Array(d).fill(4.5), k);
      expect(sel.length).toBe(k);
      const kept = new Set(sel);
      // Every kept point's rank is <= every dropped point's rank.
      let maxKept = -1;
      let minDropped = Infinity;
      for (let i = 0; i < n; i++) {
        if (kept.has(i)) maxKept = Math.max(maxKept, ranks[i]!);
        else minDropped = Math.min(minDropped, ranks[i]!);
      }
      expect(maxKept).toBeLessThanOrEqual(minDropped);
      const inc = hsspGreedyIncremental(p, d, new Array(d).fill(4.5), k);
      expect(inc.length).toBe(k);
      expect(new Set(inc).size).toBe(k);
    });
  }
  test('3-D greedy decremental equals a naive re-evaluation of all contributions', () => {
    const p = spherePoints(60, 3, 5);
    const ref = [1.1, 1.1, 1.1];
    const alive = [...Array(60).keys()];
    while (alive.length > 20) {
      const hvAll = hypervolume(pick(p, 3, alive), 3, ref);
      let worst = -1;
      let worstC = Infinity;
      for (let t = 0; t < alive.length; t++) {
        const c =
          hvAll -
          hypervolume(
            pick(
              p,
              3,
              alive.filter((_, u) => u !== t),
            ),
            3,
            ref,
          );
        if (c < worstC - 1e-15) {
          worstC = c;
          worst = t;
        }
      }
      alive.splice(worst, 1);
    }
    expect(Array.from(hsspGreedyDecremental(p, 3, ref, 20))).toEqual(alive);
  });
  test('greedy incremental picks the largest box first', () => {
    const p = Float64Array.from([0.5, 0.5, 0.1, 0.9, 0.9, 0.1]);
    expect(Array.from(hsspGreedyIncremental(p, 2, [1, 1], 1))).toEqual([0]);
  });
});
