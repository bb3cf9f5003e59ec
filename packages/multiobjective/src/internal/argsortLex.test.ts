import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { argsortByKey, argsortLex } from './argsortLex';

describe('argsortLex', () => {
  fcTest.prop([fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }), fc.double({ noNaN: true, noDefaultInfinity: true })), { maxLength: 300 })], {
    numRuns: 100,
  })('equals a stable comparator sort', (rows) => {
    const n = rows.length;
    const data = Float64Array.from(rows.flat());
    const got = Array.from(argsortLex(data, n, 3, [1, 0, 2]));
    const want = rows
      .map((r, i) => ({ r, i }))
      .sort((a, b) => a.r[1] - b.r[1] || a.r[0] - b.r[0] || (a.r[2] < b.r[2] ? -1 : a.r[2] > b.r[2] ? 1 : 0) || a.i - b.i)
      .map((x) => x.i);
    // -0 and 0 compare equal in both.
    expect(got).toEqual(want);
  });
});

const stableOrder = (key: ArrayLike<number>): number[] =>
  Array.from({ length: key.length }, (_, i) => i).sort((a, b) => (key[a]! < key[b]! ? -1 : key[a]! > key[b]! ? 1 : a - b));

describe('argsortByKey', () => {
  fcTest.prop([fc.array(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ noNaN: true, noDefaultInfinity: true })), { maxLength: 400 })], {
    numRuns: 100,
  })('equals a stable comparator sort (quicksort path, ties by index)', (keys) => {
    const key = Float64Array.from(keys);
    expect(Array.from(argsortByKey(key, key.length))).toEqual(stableOrder(key));
  });

  test('both paths (quicksort below 4096 keys, radix on the high words above) on sorted, reversed, tied, signed and nearly equal keys', () => {
    for (const n of [100, 4095, 4096, 9000]) {
      const shapes = [
        Float64Array.from({ length: n }, (_, i) => i),
        Float64Array.from({ length: n }, (_, i) => n - i),
        Float64Array.from({ length: n }, (_, i) => ((i * 7919) % 13) - 6),
        Float64Array.from({ length: n }, (_, i) => (i % 3 === 0 ? -0 : i % 3 === 1 ? 0 : Math.sin(i) * 1e-300)),
        // Equal in the high 32 bits, apart only in the low mantissa bits (and negative ones).
        Float64Array.from({ length: n }, (_, i) => 1 + ((i * 7919) % 613) * 2 ** -40),
        Float64Array.from({ length: n }, (_, i) => -1 - ((i * 7919) % 613) * 2 ** -40),
      ];
      for (const key of shapes) expect(Array.from(argsortByKey(key, n))).toEqual(stableOrder(key));
      const data = new Float64Array(2 * n);
      for (let i = 0; i < n; i++) {
        data[2 * i] = (i * 31) % 17;
        data[2 * i + 1] = (i * 7) % 5;
      }
      const want = Array.from({ length: n }, (_, i) => i).sort(
        (a, b) => data[2 * a]! - data[2 * b]! || data[2 * a + 1]! - data[2 * b + 1]! || a - b,
      );
      expect(Array.from(argsortLex(data, n, 2, [0, 1]))).toEqual(want);
    }
  });
});
