import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { sortRowsByColumn } from './argsortLex';
import { BUCKET_SORT_MAX, bucketSortColumn } from './bucketSortColumn';

/**
 * The order of a comparator (key, then row number) from sortRowsByColumn, and from bucketSortColumn
 * whenever it does not decline.
 */
function expectSameAsRadix(data: Float64Array, n: number, d: number, column: number): void {
  const rows = Array.from({ length: n }, (_, i) => i).sort((a, b) => data[a * d + column]! - data[b * d + column]! || a - b);
  // -0 and 0 are equal keys: compared as numbers, not by their bits.
  const want = { key: rows.map((i) => data[i * d + column]! + 0), index: rows };
  const key = new Float64Array(n);
  const index = new Int32Array(n);
  sortRowsByColumn(data, n, d, column, key, index);
  expect({ key: Array.from(key, (v) => v + 0), index: Array.from(index) }).toEqual(want);
  if (n >= 2 && n <= BUCKET_SORT_MAX && bucketSortColumn(data, n, d, column, key.fill(NaN), index.fill(-1))) {
    expect({ key: Array.from(key, (v) => v + 0), index: Array.from(index) }).toEqual(want);
  }
}

describe('bucketSortColumn and sortRowsByColumn order rows as a comparator does', () => {
  fcTest.prop([fc.integer({ min: 1, max: 5 }), fc.array(fc.integer({ min: -4, max: 4 }), { maxLength: 5 * 120 })], { numRuns: 200 })(
    'integer keys (many ties)',
    (d, values) => {
      const n = Math.floor(values.length / d);
      const data = Float64Array.from(values.slice(0, n * d));
      for (let c = 0; c < d; c++) expectSameAsRadix(data, n, d, c);
    },
  );
  fcTest.prop([fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 3 * BUCKET_SORT_MAX + 30 })], { numRuns: 200 })(
    'any finite doubles (ranges that overflow, -0, subnormals), past the size limit too',
    (values) => {
      const n = Math.floor(values.length / 3);
      const data = Float64Array.from(values.slice(0, 3 * n));
      expectSameAsRadix(data, n, 3, 2);
    },
  );
  it('bunched keys (one far outlier puts the rest in one bucket) and copies', () => {
    const n = 200;
    const data = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      data[2 * i] = i;
      data[2 * i + 1] = i === 7 ? 1e9 : ((i * 37) % 101) / 1000;
    }
    expectSameAsRadix(data, n, 2, 1);
    for (let i = 0; i < n; i++) data[2 * i + 1] = (i * 13) % 10;
    expectSameAsRadix(data, n, 2, 1);
  });
});
