import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { PAIRS_MAX, sortColumnPairs, sortPairsByKey } from './sortPairsByKey';

/** The pairs ordered by a comparator: key (-0 equal to 0), then item. */
function comparatorOrder(key: ArrayLike<number>, item: ArrayLike<number>): number[] {
  return Array.from({ length: key.length }, (_, i) => i).sort((a, b) => key[a]! - key[b]! || item[a]! - item[b]!);
}

function sorted(key: Float64Array, item: Int32Array): { result: number; keys: number[]; items: number[] } {
  const keyOut = new Float64Array(key.length).fill(NaN);
  const itemOut = new Int32Array(key.length).fill(-1);
  const result = sortPairsByKey(key, item, key.length, keyOut, itemOut);
  return { result, keys: Array.from(keyOut), items: Array.from(itemOut) };
}

const pairs = fc
  .array(
    fc.tuple(
      fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }), fc.constant(-0)),
      fc.integer({ min: -50, max: 50 }),
    ),
    { minLength: 1, maxLength: 600 },
  )
  .map((rows) => ({ key: Float64Array.from(rows, (r) => r[0]), item: Int32Array.from(rows, (r) => r[1]) }));

describe('sortPairsByKey', () => {
  fcTest.prop([pairs], { numRuns: 200 })('a permutation of the pairs ordered by key then item, or -1 with nothing written', ({ key, item }) => {
    const { result, keys, items } = sorted(key, item);
    if (result < 0) {
      expect(keys.every(Number.isNaN)).toBe(true);
      expect(items.every((x) => x === -1)).toBe(true);
      return;
    }
    const want = comparatorOrder(key, item);
    expect(items).toEqual(want.map((i) => item[i]));
    // Written as +0, never -0.
    expect(keys).toEqual(want.map((i) => key[i]! + 0));
    expect(keys.some(Object.is.bind(null, -0))).toBe(false);
    const distinct = new Set(Array.from(key, (k) => k + 0)).size === key.length;
    expect(result === 0).toBe(distinct);
  });

  test('sorts spread keys, whatever the order of items on equal keys and however close the keys', () => {
    for (const n of [64, 1000, PAIRS_MAX]) {
      const shapes = [
        Float64Array.from({ length: n }, (_, i) => Math.sin(i) * 1e6),
        Float64Array.from({ length: n }, (_, i) => ((i * 7919) % 613) * 1e-3),
        // Nearly all in one scaled value but the largest: one run sorted by the quicksort.
        Float64Array.from({ length: n }, (_, i) => (i === 0 ? 1e9 : 1 + ((i * 7919) % 613) * 2 ** -40)),
        // Crowded near the top of the range, as a concave front's x: runs of dozens.
        Float64Array.from({ length: n }, (_, i) => 1 - ((i * 7919) % n) ** 4 / n ** 4),
        Float64Array.from({ length: n }, (_, i) => (i % 3 === 0 ? -0 : i % 3 === 1 ? 0 : i)),
      ];
      const item = Int32Array.from({ length: n }, (_, i) => (i * 4099) % n);
      for (const [s, key] of shapes.entries()) {
        const { result, items } = sorted(key, item);
        expect(result, `shape ${s}`).toBeGreaterThanOrEqual(0);
        expect(items).toEqual(comparatorOrder(key, item).map((i) => item[i]));
      }
    }
  });

  test('-1 when all keys are equal or there are more than PAIRS_MAX pairs', () => {
    expect(sorted(new Float64Array(100).fill(2), new Int32Array(100)).result).toBe(-1);
    const n = PAIRS_MAX + 1;
    expect(sortPairsByKey(new Float64Array(n), new Int32Array(n), n, null, new Int32Array(n))).toBe(-1);
  });

  test('in place, with the keys left alone when keyOut is null', () => {
    const key = Float64Array.from({ length: 200 }, (_, i) => (i * 37) % 101);
    const before = Float64Array.from(key);
    const item = Int32Array.from({ length: 200 }, (_, i) => i);
    expect(sortPairsByKey(key, item, 200, null, item)).toBeGreaterThan(0);
    expect(Array.from(item)).toEqual(
      comparatorOrder(
        before,
        Int32Array.from({ length: 200 }, (_, i) => i),
      ),
    );
    expect(key).toEqual(before);
  });

  fcTest.prop([pairs, fc.integer({ min: 1, max: 3 })], { numRuns: 100 })(
    'sortColumnPairs: a column of a row-major set with the row numbers, as sortPairsByKey sorts them',
    ({ key }, d) => {
      const n = key.length;
      const column = d - 1;
      const data = new Float64Array(n * d).fill(7);
      for (let i = 0; i < n; i++) data[i * d + column] = key[i]!;
      const rows = Int32Array.from({ length: n }, (_, i) => i);
      const want = sorted(key, rows);
      const keyOut = new Float64Array(n).fill(NaN);
      const itemOut = new Int32Array(n).fill(-1);
      expect(sortColumnPairs(data, n, d, column, keyOut, itemOut)).toBe(want.result);
      expect(Array.from(keyOut)).toEqual(want.keys);
      expect(Array.from(itemOut)).toEqual(want.items);
    },
  );
});
