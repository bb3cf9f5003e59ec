import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { orderTiesByIndex, quicksortPairs } from './quicksortPairs';

// Few distinct keys among many pairs, so that runs of equal keys (short and past 16) occur; no -0,
// which equals 0 as a key but not to toEqual.
const pairs = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.integer({ min: -4, max: 4 }),
        fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => x + 0),
      ),
      fc.integer({ min: 0, max: 1000 }),
    ),
    {
      maxLength: 300,
    },
  )
  .chain((rows) => fc.tuple(fc.constant(rows), fc.nat({ max: rows.length }), fc.nat({ max: rows.length })));

describe('quicksortPairs then orderTiesByIndex', () => {
  fcTest.prop([pairs], { numRuns: 300 })('sort a slice by key, then index, and leave the rest alone', ([rows, a, b]) => {
    const from = Math.min(a, b);
    const to = Math.max(a, b);
    const key = Float64Array.from(rows, (r) => r[0]);
    const index = Int32Array.from(rows, (r) => r[1]);
    quicksortPairs(key, index, from, to - 1);
    orderTiesByIndex(key, index, from, to);
    const slice = rows.slice(from, to).sort((p, q) => p[0] - q[0] || p[1] - q[1]);
    const want = [...rows.slice(0, from), ...slice, ...rows.slice(to)];
    expect(Array.from(key)).toEqual(want.map((r) => r[0]));
    expect(Array.from(index)).toEqual(want.map((r) => r[1]));
  });
});
