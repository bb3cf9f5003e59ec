import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { hypervolume } from '../indicators/hypervolume';
import { nonDominatedSort } from '../sorting/nonDominatedSort';
import { bruteHypervolume, bruteRanks, relClose, spherePoints } from '../testing/oracleFixtures';
import { distinctRows } from './distinctRows';

/** `base` rows (k x d) repeated to n rows in an order given by `picks`, with -0 for some zeros. */
function withCopies(base: number[][], picks: number[], negZero: boolean): Float64Array {
  const rows = picks.map((k) => base[k % base.length]!.map((v) => (negZero && v === 0 && k % 2 === 0 ? -0 : v)));
  return Float64Array.from(rows.flat());
}

/** Rows of a few distinct points, repeated; from 1000 rows in 3-D (below, distinctRows passes). */
const copiedSets = (d: number, maxV: number) =>
  fc.tuple(
    fc.array(fc.array(fc.integer({ min: 0, max: maxV }), { minLength: d, maxLength: d }), { minLength: 1, maxLength: 12 }),
    fc.array(fc.nat(), d === 3 ? { minLength: 1000, maxLength: 1100 } : { minLength: 64, maxLength: 160 }),
    fc.boolean(),
  );

describe('distinctRows', () => {
  fcTest.prop([copiedSets(4, 6)], { numRuns: 60 })('one row per bit pattern, and of[] points at an equal row', ([base, picks, negZero]) => {
    const p = withCopies(base, picks, negZero);
    const n = p.length / 4;
    const got = distinctRows(p, n, 4);
    expect(got).toBeDefined();
    if (got === undefined) return;
    const keys = new Set<string>();
    for (let k = 0; k < got.n; k++) keys.add(Array.from(got.data.subarray(4 * k, 4 * k + 4), (v) => (Object.is(v, -0) ? '-0' : String(v))).join());
    expect(keys.size).toBe(got.n);
    // Equal in value (0 and -0 may share a row: the hash sees bits, the comparison values).
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < 4; j++) expect(got.data[4 * got.of[i]! + j] === p[4 * i + j]).toBe(true);
    }
  });
  test('sets without copies, and small sets, are left alone', () => {
    expect(distinctRows(spherePoints(5000, 3, 1), 5000, 3)).toBeUndefined();
    expect(distinctRows(new Float64Array(30), 10, 3)).toBeUndefined();
  });
  test('ten copies of each point are found at any size', () => {
    for (const m of [10, 100, 1000, 10_000]) {
      const base = spherePoints(m, 4, m);
      const p = new Float64Array(10 * m * 4);
      for (let i = 0; i < 10 * m; i++) p.set(base.subarray(((i * 7919) % m) * 4, ((i * 7919) % m) * 4 + 4), 4 * i);
      expect(distinctRows(p, 10 * m, 4)?.n).toBe(m);
    }
  });
  for (const d of [3, 4, 5]) {
    fcTest.prop([copiedSets(d, 3)], { numRuns: d === 3 ? 5 : 25 })(
      `sorting and hypervolume of copied sets equal the oracles, d = ${d}`,
      ([base, picks, negZero]) => {
        const p = withCopies(base, picks, negZero);
        expect(Array.from(nonDominatedSort(p, d))).toEqual(Array.from(bruteRanks(p, d)));
        const ref = new Array<number>(d).fill(3.5);
        // The oracle sees the rows themselves: `picks` need not pick every base row.
        expect(relClose(hypervolume(p, d, ref), bruteHypervolume(p, d, ref), 1e-12)).toBe(true);
      },
    );
  }
});
