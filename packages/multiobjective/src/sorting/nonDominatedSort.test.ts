import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { MultiObjectiveError } from '../errors/MultiObjectiveError';
import { bruteRanks, intPoints, realPoints, spherePoints, uniformPoints } from '../testing/oracleFixtures';
import { frontsFromRanks } from './frontsFromRanks';
import { nonDominatedFilter } from './nonDominatedFilter';
import { nonDominatedSort } from './nonDominatedSort';
import { nonDominatedSort2d } from './nonDominatedSort2d';
import { nonDominatedSort3d, SORT_3D_KEPT_ROWS } from './nonDominatedSort3d';
import { BITSET_MAX_N, nonDominatedSortBitset } from './nonDominatedSortBitset';
import { nonDominatedSortGeneral } from './nonDominatedSortGeneral';

describe('nonDominatedSort', () => {
  for (const d of [1, 2, 3, 4, 5]) {
    fcTest.prop([intPoints(d, 40, 3)], { numRuns: 120 })(`equals the O(N^2) oracle, d = ${d}, many ties`, (p) => {
      expect(Array.from(nonDominatedSort(p, d))).toEqual(Array.from(bruteRanks(p, d)));
    });
  }
  for (const d of [2, 3, 4, 5]) {
    fcTest.prop([fc.oneof(intPoints(d, 40, 3), realPoints(d, 40))], { numRuns: 100 })(
      `general algorithms (ENS-BS and bitsets) equal the oracle, d = ${d}`,
      (p) => {
        const want = Array.from(bruteRanks(p, d));
        expect(Array.from(nonDominatedSortGeneral(p, p.length / d, d))).toEqual(want);
        expect(Array.from(nonDominatedSortBitset(p, p.length / d, d))).toEqual(want);
      },
    );
  }
  for (const d of [2, 3]) {
    fcTest.prop([fc.oneof(intPoints(d, 100, 3, 64), realPoints(d, 100, 64))], { numRuns: 40 })(
      `64-100 rows (the radix path), many copies or none, equal the oracle, d = ${d}`,
      (p) => {
        expect(Array.from(nonDominatedSort(p, d))).toEqual(Array.from(bruteRanks(p, d)));
      },
    );
  }
  fcTest.prop([realPoints(2, 60)], { numRuns: 100 })('2-D staircase path equals the oracle', (p) => {
    expect(Array.from(nonDominatedSort2d(p, p.length / 2))).toEqual(Array.from(bruteRanks(p, 2)));
  });
  // The 2-D radix path orders rows by x scaled to integers: x values closer than one step (and
  // 0 and -0) share a key and must be ordered exactly; an outlier that squeezes most rows into
  // one key sends the set to the lexicographic sort instead.
  fcTest.prop(
    [
      fc.array(fc.tuple(fc.integer({ min: -30, max: 30 }), fc.integer({ min: 0, max: 2 }), fc.boolean(), fc.integer({ min: 0, max: 4 })), {
        minLength: 64,
        maxLength: 150,
      }),
      fc.boolean(),
    ],
    { numRuns: 60 },
  )('2-D rows sharing a scaled key, with or without an outlier, equal the oracle', (rows, outlier) => {
    const p = Float64Array.from(rows.flatMap(([a, b, negate, y]) => [(negate ? -1 : 1) * (a + b * 1e-12), y]));
    if (outlier) p[0] = 1e9;
    expect(Array.from(nonDominatedSort2d(p, p.length / 2))).toEqual(Array.from(bruteRanks(p, 2)));
  });
  fcTest.prop([realPoints(3, 60)], { numRuns: 100 })('3-D staircase path equals the oracle', (p) => {
    expect(Array.from(nonDominatedSort3d(p, p.length / 3))).toEqual(Array.from(bruteRanks(p, 3)));
  });

  // Points of the plane x + y + z = 100 do not dominate each other: one front whose (y, z)
  // staircase outgrows its first buffer and shifts long ranges; +1 in every objective makes a
  // second front of copies.
  fcTest.prop([fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 }), fc.boolean()), { minLength: 100, maxLength: 400 })], {
    numRuns: 20,
  })('3-D long staircases equal the oracle', (rows) => {
    const p = Float64Array.from(rows.flatMap(([a, b, lift]) => [a, b, 100 - a - b].map((v) => v + (lift ? 1 : 0))));
    expect(Array.from(nonDominatedSort3d(p, p.length / 3))).toEqual(Array.from(bruteRanks(p, 3)));
  });

  // At the kept buffers' size and one row past it (buffers of the call's own): a grid of the plane
  // x + y + z = 0 (one front), the same grid one step up (the second front), and for the odd size
  // a point above all of them.
  for (const n of [SORT_3D_KEPT_ROWS, SORT_3D_KEPT_ROWS + 1]) {
    test(`3-D ranks of ${n} rows (kept buffers hold ${SORT_3D_KEPT_ROWS})`, () => {
      const { p, want } = twoShuffledFronts(n, SORT_3D_KEPT_ROWS / 2, 3, (i) => [i >> 7, i & 127, -(i >> 7) - (i & 127)]);
      expect(nonDominatedSort3d(p, n)).toEqual(want);
    });
  }

  // Rows of many bit words, copies and a dozen fronts (front bitsets), and near-chains of more
  // than 64 fronts (ranks from the dominators' ranks).
  fcTest.prop([fc.constantFrom(4, 5).chain((d) => intPoints(d, 300, 4, 100).map((p) => ({ d, p })))], { numRuns: 20 })(
    'bitset ranks over many words equal the oracle',
    ({ d, p }) => {
      expect(Array.from(nonDominatedSortBitset(p, p.length / d, d))).toEqual(Array.from(bruteRanks(p, d)));
    },
  );
  fcTest.prop([fc.array(fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 2 })), { minLength: 150, maxLength: 300 })], {
    numRuns: 10,
  })('bitset ranks of near-chains equal the oracle', (rows) => {
    const p = Float64Array.from(rows.flatMap(([a, b]) => [a, a + b, a + 2 - b, a]));
    expect(Array.from(nonDominatedSortBitset(p, p.length / 4, 4))).toEqual(Array.from(bruteRanks(p, 4)));
  });

  // The 2-D radix path keeps a copy of the rows and their ranks between calls: a smaller call
  // after a larger one, and a call whose values fail the check, must not see a previous set.
  test('2-D ranks after a larger call equal the oracle', () => {
    for (const [n, seed] of [
      [500, 1],
      [90, 2],
      [300, 3],
    ] as const) {
      const p = uniformPoints(n, 2, seed);
      expect(Array.from(nonDominatedSort2d(p, n))).toEqual(Array.from(bruteRanks(p, 2)));
    }
    const bad = uniformPoints(200, 2, 4);
    bad[301] = NaN;
    expect(() => nonDominatedSort2d(bad, 200)).toThrow(MultiObjectiveError);
  });

  // Past the radix path's kept buffers (2^20 rows) the 2-D sort takes buffers of its own: two
  // staircases, the second one step above and right of the first (rank 1).
  test('2-D ranks of a set larger than the kept buffers', () => {
    const m = 530_000;
    const { p, want } = twoShuffledFronts(2 * m, m, 2, (i) => [i, m - i]);
    expect(nonDominatedSort2d(p, 2 * m)).toEqual(want);
  });

  // A shuffled chain of 4-D points, each dominating the next, so rank = position in the chain:
  // the bitset sort's kept words hold BITSET_MAX_N rows (past 11 500 rows, more than it kept
  // before), a larger set goes to ENS-BS, and a smaller call follows.
  test('bitset ranks of the largest sets equal the chain order', () => {
    for (const n of [12_000, BITSET_MAX_N, BITSET_MAX_N + 1, 500]) {
      const p = new Float64Array(4 * n);
      const want = new Int32Array(n);
      for (let row = 0; row < n; row++) {
        const v = (row * 7919) % n;
        p.fill(v, 4 * row, 4 * row + 4);
        want[row] = v;
      }
      expect(nonDominatedSortBitset(p, n, 4)).toEqual(want);
    }
  });

  // The bitset sort keeps its dominance rows between calls and writes every word it reads:
  // a smaller call after a larger one must not see the larger one's bits.
  test('bitset ranks after a larger call equal the oracle', () => {
    for (const [n, d, seed] of [
      [400, 4, 1],
      [150, 4, 2],
      [300, 5, 3],
      [70, 4, 4],
    ] as const) {
      const p = uniformPoints(n, d, seed);
      expect(Array.from(nonDominatedSortBitset(p, n, d))).toEqual(Array.from(bruteRanks(p, d)));
    }
  });

  test('all paths agree on a larger random set', () => {
    for (const d of [2, 3, 4, 6]) {
      const p = uniformPoints(2000, d, 11 + d);
      const general = nonDominatedSortGeneral(p, 2000, d);
      expect(nonDominatedSort(p, d)).toEqual(general);
      expect(nonDominatedSortBitset(p, 2000, d)).toEqual(general);
    }
  });

  // Fronts of every curvature (p = 16 packs dozens of rows into the last scaled keys), as they
  // are, with copies, or with one row changed so that it is dominated, shares an x or a y with
  // another, or copies it, next to its twin or farther.
  fcTest.prop(
    [
      fc.array(fc.double({ min: 0.001, max: 1.57, noNaN: true }), { minLength: 64, maxLength: 400 }),
      fc.constantFrom(0.5, 1, 2, 4, 16),
      fc.constantFrom('none', 'copies', 'copy', 'dominated', 'sameX', 'sameY'),
      fc.nat(),
      fc.nat(),
      fc.constantFrom(1e-9, 0.05),
    ],
    { numRuns: 200 },
  )('2-D fronts, with copies or one dominated row, equal the oracle', (angles, power, change, at, of, step) => {
    const n = angles.length;
    const p = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      p[2 * i] = Math.cos(angles[i]!) ** (2 / power);
      p[2 * i + 1] = Math.sin(angles[i]!) ** (2 / power);
    }
    if (change === 'copies') for (let i = 1; i < n; i += 2) p.copyWithin(2 * i, 2 * (i - 1), 2 * i);
    else if (change !== 'none') {
      const i = at % n;
      const j = of % n;
      const [dx, dy] = change === 'copy' ? [0, 0] : change === 'dominated' ? [step, step] : change === 'sameX' ? [0, step] : [step, 0];
      p[2 * i] = p[2 * j]! + dx;
      p[2 * i + 1] = p[2 * j + 1]! + dy;
    }
    expect(Array.from(nonDominatedSort2d(p, n))).toEqual(Array.from(bruteRanks(p, 2)));
  });
  // Rows crowded within 10^-9 of one x share a scaled key in runs of every length: pairs take
  // their own path, runs of 24 rows or more are bucketed again over their own range, and a run
  // may hold copies and rows sharing x (its own range then splits nothing, or little).
  fcTest.prop(
    [
      fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 3 }), fc.boolean()), { minLength: 64, maxLength: 300 }),
      fc.integer({ min: 2, max: 90 }),
    ],
    { numRuns: 60 },
  )('2-D runs of a shared key, short and long, equal the oracle', (rows, crowd) => {
    const p = new Float64Array(2 * rows.length);
    rows.forEach(([a, y, crowded], i) => {
      p[2 * i] = crowded && i < crowd ? 1 - (a % 7) * 1e-10 : a / 40;
      p[2 * i + 1] = y;
    });
    expect(Array.from(nonDominatedSort2d(p, rows.length))).toEqual(Array.from(bruteRanks(p, 2)));
  });
  // The 2-D radix sweep ranks a run of copies of one point with one search and orders other runs
  // of a shared key exactly: a front repeated three times as it is, with y moved by 1e-9 (same
  // x, runs to order) and moved by 0.2 (interleaved fronts).
  test('2-D copies, shared x and interleaved fronts equal the oracle', () => {
    for (const [n, dx, dy] of [
      [300, 0, 0],
      [300, 0, 1e-9],
      [200, 0.2, 0.2],
    ] as const) {
      const front = spherePoints(n, 2, 7);
      const p = new Float64Array(6 * n);
      for (let k = 0; k < 3; k++) {
        for (let i = 0; i < n; i++) {
          p[2 * (k * n + i)] = front[2 * i]! + k * dx;
          p[2 * (k * n + i) + 1] = front[2 * i + 1]! + k * dy;
        }
      }
      expect(Array.from(nonDominatedSort(p, 2))).toEqual(Array.from(bruteRanks(p, 2)));
    }
  });

  // Past 4096 rows the 2-D radix passes carry the high digit with the row instead of the packed
  // key: a front, an exact copy of it (runs of copies) and a copy 1e-9 higher (runs to order).
  test('2-D copies and shared x past the packed keys equal the oracle', () => {
    const n = 1500;
    const front = spherePoints(n, 2, 11);
    const p = new Float64Array(6 * n);
    for (let k = 0; k < 3; k++) {
      for (let i = 0; i < n; i++) {
        p[2 * (k * n + i)] = front[2 * i]!;
        p[2 * (k * n + i) + 1] = front[2 * i + 1]! + (k === 2 ? 1e-9 : 0);
      }
    }
    expect(Array.from(nonDominatedSort2d(p, 3 * n))).toEqual(Array.from(bruteRanks(p, 2)));
  });

  test('duplicates share a rank and do not dominate each other', () => {
    const p = Float64Array.from([1, 1, 1, 1, 2, 2, 0, 3, 2, 2]);
    expect(Array.from(nonDominatedSort(p, 2))).toEqual([0, 0, 1, 0, 1]);
    expect(frontsFromRanks(nonDominatedSort(p, 2))).toEqual([
      [0, 1, 3],
      [2, 4],
    ]);
  });

  // The 2-D sort checks the values in its first pass instead of a pass of its own: the same error.
  fcTest.prop([fc.integer({ min: 1, max: 150 }), fc.nat(), fc.constantFrom(NaN, Infinity, -Infinity)], { numRuns: 60 })(
    '2-D: a non-finite value in any row is a non-finite error naming it',
    (n, at, bad) => {
      const p = uniformPoints(n, 2, 5);
      const i = at % (2 * n);
      p[i] = bad;
      expect(() => nonDominatedSort(p, 2)).toThrow(
        expect.objectContaining({ kind: 'non-finite', message: expect.stringContaining(`points[${Math.floor(i / 2)}][${i % 2}] is ${bad}`) }),
      );
    },
  );

  // The 3-D sort checks the values in its sweep, after its lexicographic sort has seen them: the
  // sizes reach each of that sort's paths (quicksort, scaled radix on pairs, radix on bits).
  fcTest.prop([fc.constantFrom(1, 2, 50, 300, 1500, 5000), fc.nat(), fc.constantFrom(NaN, Infinity, -Infinity), fc.nat(3)], { numRuns: 60 })(
    '3-D: a non-finite value in any row is a non-finite error naming it',
    (n, at, bad, extra) => {
      const p = uniformPoints(n, 3, 7);
      const i = at % (3 * n);
      p[i] = bad;
      // More bad values after it (the first one is named): a whole row, or one value elsewhere.
      if (extra === 1) p.fill(bad, i, 3 * Math.floor(i / 3) + 3);
      if (extra === 2) p[3 * n - 1 - (at % (3 * n - i))] = bad;
      expect(() => nonDominatedSort(p, 3)).toThrow(
        expect.objectContaining({ kind: 'non-finite', message: expect.stringContaining(`points[${Math.floor(i / 3)}][${i % 3}] is ${bad}`) }),
      );
    },
  );

  // With many copies only the distinct rows are checked: the error still names the first bad row.
  fcTest.prop([fc.constantFrom(3, 4), fc.nat(), fc.constantFrom(NaN, Infinity, -Infinity), fc.boolean()], { numRuns: 40 })(
    'd >= 3 with copies: a non-finite value is a non-finite error naming its first row',
    (d, at, bad, copied) => {
      const n = 1200;
      const base = spherePoints(n / 10, d, 3);
      const p = new Float64Array(n * d);
      for (let i = 0; i < n; i++) p.set(base.subarray((i % (n / 10)) * d, (i % (n / 10)) * d + d), i * d);
      const i = at % (n * d);
      p[i] = bad;
      // The same value in a copy of that row further on: the first stays the one named.
      const later = i + (n / 10) * d;
      if (copied && later < n * d) p[later] = bad;
      expect(() => nonDominatedSort(p, d)).toThrow(
        expect.objectContaining({ kind: 'non-finite', message: expect.stringContaining(`points[${Math.floor(i / d)}][${i % d}] is ${bad}`) }),
      );
    },
  );

  test('empty input and bad input', () => {
    expect(nonDominatedSort(new Float64Array(0), 3).length).toBe(0);
    expect(() => nonDominatedSort(Float64Array.from([1, NaN]), 2)).toThrow(MultiObjectiveError);
    expect(() => nonDominatedSort(Float64Array.from([1, 2, 3]), 2)).toThrow(/multiple of d/);
    expect(() => nonDominatedSort(Float64Array.from([1, 2]), 0)).toThrow(MultiObjectiveError);
    expect(() => nonDominatedSort([1, 2] as unknown as Float64Array, 2)).toThrow(/must be a Float64Array/);
    try {
      nonDominatedSort(Float64Array.from([1, Infinity]), 2);
    } catch (e) {
      expect(MultiObjectiveError.is(e) && e.kind).toBe('non-finite');
    }
  });

  for (const d of [1, 2, 3, 4, 5]) {
    fcTest.prop([fc.oneof(intPoints(d, 100, 3), realPoints(d, 100))], { numRuns: 60 })(`into receives the ranks a new array would hold, d = ${d}`, (p) => {
      const into = new Int32Array(p.length / d).fill(-7);
      expect(nonDominatedSort(p, d, into)).toBe(into);
      expect(Array.from(into)).toEqual(Array.from(nonDominatedSort(p, d)));
    });
  }

  test('a bad into is a typed error naming it, and a failed sort leaves into as it was', () => {
    const points = Float64Array.from([1, 2, 2, 1, 3, 3]);
    const kindOf = (f: () => unknown): unknown => {
      try {
        f();
      } catch (e) {
        return MultiObjectiveError.is(e) ? `${e.kind}: ${e.message}` : e;
      }
      return 'no error';
    };
    for (const d of [2, 3]) {
      expect(kindOf(() => nonDominatedSort(points, d, new Int32Array(5)))).toMatch(
        /^invalid-argument: into has length 5; it must hold one rank per row, [32]$/,
      );
      expect(kindOf(() => nonDominatedSort(points, d, new Float64Array(6 / d) as unknown as Int32Array))).toMatch(
        /^invalid-argument: into must be an Int32Array of length [32] \(one rank per row\), got Float64Array$/,
      );
      expect(kindOf(() => nonDominatedSort(points, d, [0, 0, 0] as unknown as Int32Array))).toMatch(/got Array$/);
      expect(kindOf(() => nonDominatedSort(points, d, null as unknown as Int32Array))).toMatch(/got null$/);
      // A view over the rows' own bytes would be overwritten by the ranks.
      expect(kindOf(() => nonDominatedSort(points, d, new Int32Array(points.buffer, 8, 6 / d)))).toMatch(
        /^invalid-argument: into shares memory with the points/,
      );
    }
    // Next to the rows in one buffer, but not over them: fine.
    const shared = new ArrayBuffer(8 * 6 + 4 * 3);
    const rows = new Float64Array(shared, 0, 6);
    rows.set(points);
    expect(Array.from(nonDominatedSort(rows, 2, new Int32Array(shared, 48, 3)))).toEqual([0, 0, 1]);
    // The points' errors come first; a sort that throws writes nothing.
    expect(kindOf(() => nonDominatedSort(Float64Array.from([1, 2, 3]), 2, new Int32Array(1)))).toMatch(/^dimension-mismatch/);
    for (const [bad, d] of [
      [Float64Array.from([1, 2, NaN, 1]), 2],
      [Float64Array.from({ length: 200 }, (_, i) => (i === 151 ? Infinity : i % 7)), 2],
      [Float64Array.from([1, 2, 3, NaN, 1, 1]), 3],
      [Float64Array.from([1, 2, 3, 4, 4, 3, 2, NaN]), 4],
    ] as const) {
      const into = new Int32Array(bad.length / d).fill(-7);
      expect(kindOf(() => nonDominatedSort(bad, d, into))).toMatch(/^non-finite/);
      expect(into.every((r) => r === -7)).toBe(true);
    }
  });
});

describe('nonDominatedFilter', () => {
  for (const d of [1, 2, 3, 4]) {
    fcTest.prop([intPoints(d, 40, 3)], { numRuns: 100 })(`returns exactly the rank-0 rows, d = ${d}`, (p) => {
      const ranks = bruteRanks(p, d);
      const want = [...ranks.keys()].filter((i) => ranks[i] === 0);
      expect(Array.from(nonDominatedFilter(p, d))).toEqual(want);
    });
  }
});

/**
 * n rows of d objectives, shuffled (row = 7919 t mod n): front(i) for i < m (rank 0), the same
 * points one step up in every objective (rank 1), and past 2 m rows the point 1e9 in every
 * objective (rank 2). front(i), i < m, must give points that do not dominate each other, below 1e9.
 */
function twoShuffledFronts(n: number, m: number, d: number, front: (i: number) => number[]): { p: Float64Array; want: Int32Array } {
  const p = new Float64Array(d * n);
  const want = new Int32Array(n);
  for (let t = 0; t < n; t++) {
    const row = (t * 7919) % n;
    const lift = t < m ? 0 : 1;
    p.set(t < 2 * m ? front(t % m).map((v) => v + lift) : new Array<number>(d).fill(1e9), d * row);
    want[row] = t < 2 * m ? lift : 2;
  }
  return { p, want };
}
