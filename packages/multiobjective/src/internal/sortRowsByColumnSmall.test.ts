import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { sortRowsByColumn } from './argsortLex';
import { SMALL_SORT_MAX, sortRowsByColumnSmall } from './sortRowsByColumnSmall';

/** Both sorts of column `column`: the same keys and row numbers (equal keys by row number). */
function expectSameAsRadix(data: Float64Array, n: number, d: number, column: number): void {
  const key = new Float64Array(n);
  const index = new Int32Array(n);
  const refKey = new Float64Array(n);
  const refIndex = new Int32Array(n);
  sortRowsByColumnSmall(data, n, d, column, key, index);
  sortRowsByColumn(data, n, d, column, refKey, refIndex);
  // -0 and 0 are equal keys: compared as numbers, not by their bits.
  expect(Array.from(key, (v) => v + 0)).toEqual(Array.from(refKey, (v) => v + 0));
  expect(Array.from(index)).toEqual(Array.from(refIndex));
}

describe('sortRowsByColumnSmall orders rows as sortRowsByColumn does', () => {
  fcTest.prop([fc.integer({ min: 1, max: 5 }), fc.array(fc.integer({ min: -4, max: 4 }), { maxLength: 5 * 120 })], { numRuns: 200 })(
    'integer keys (many ties)',
    (d, values) => {
      const n = Math.floor(values.length / d);
      const data = Float64Array.from(values.slice(0, n * d));
      for (let c = 0; c < d; c++) expectSameAsRadix(data, n, d, c);
    },
  );
  fcTest.prop([fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 3 * SMALL_SORT_MAX + 30 })], { numRuns: 200 })(
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
