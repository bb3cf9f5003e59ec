import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { argsortByKey, argsortLex, sortKeysWithIndex, sortRowsByColumn } from './argsortLex';

describe('argsortLex', () => {
  fcTest.prop(
    [
      fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }), fc.double({ noNaN: true, noDefaultInfinity: true })), {
        maxLength: 300,
      }),
    ],
    {
      numRuns: 100,
    },
  )('equals a stable comparator sort', (rows) => {
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
  test('without columns, every column in order', () => {
    const data = Float64Array.from([1, 2, 0, 1, 1, 0, 0, 5, 9, 1, 1, -1]);
    expect(Array.from(argsortLex(data, 4, 3))).toEqual([2, 3, 1, 0]);
    expect(Array.from(argsortLex(data, 4, 3))).toEqual(Array.from(argsortLex(data, 4, 3, [0, 1, 2])));
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
      const want = Array.from({ length: n }, (_, i) => i).sort((a, b) => data[2 * a]! - data[2 * b]! || data[2 * a + 1]! - data[2 * b + 1]! || a - b);
      expect(Array.from(argsortLex(data, n, 2, [0, 1]))).toEqual(want);
    }
  });
});

describe('scaled radix path (64 keys and more)', () => {
  const moderate = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ min: -10, max: 10, noNaN: true }));
  fcTest.prop([fc.array(moderate, { minLength: 64, maxLength: 600 })], { numRuns: 100 })(
    'argsortByKey equals a stable comparator sort on keys of one range, with ties',
    (keys) => {
      const key = Float64Array.from(keys);
      expect(Array.from(argsortByKey(key, key.length))).toEqual(stableOrder(key));
    },
  );

  fcTest.prop([fc.array(fc.tuple(moderate, fc.integer({ min: 0, max: 3 })), { minLength: 64, maxLength: 600 })], {
    numRuns: 100,
  })('argsortLex equals a stable comparator sort (ties on the first column go to the second, then the index)', (rows) => {
    const n = rows.length;
    const data = Float64Array.from(rows.flat());
    const want = rows
      .map((r, i) => ({ r, i }))
      .sort((a, b) => (a.r[0] < b.r[0] ? -1 : a.r[0] > b.r[0] ? 1 : 0) || a.r[1] - b.r[1] || a.i - b.i)
      .map((x) => x.i);
    expect(Array.from(argsortLex(data, n, 2, [0, 1]))).toEqual(want);
  });

  test('keys that share scaled values, skewed keys (one far outlier) and one repeated value', () => {
    for (const n of [64, 100, 1000, 70_000]) {
      const shapes = [
        // Distinct keys closer than the scale's resolution: every bucket shared.
        Float64Array.from({ length: n }, (_, i) => 1 + ((i * 7919) % 613) * 2 ** -45),
        // All but one key in the lowest bucket: the fallback.
        Float64Array.from({ length: n }, (_, i) => (i === 3 ? 1e12 : Math.sin(i))),
        Float64Array.from({ length: n }, () => 0.5),
        Float64Array.from({ length: n }, (_, i) => (i % 10 === 0 ? -0 : i % 10 === 1 ? 0 : Math.cos(i) * 1e-300)),
        Float64Array.from({ length: n }, (_, i) => Math.floor(Math.sin(i * 12.9898) * 43758.5453) % 1000),
      ];
      for (const key of shapes) expect(Array.from(argsortByKey(key, n))).toEqual(stableOrder(key));
    }
  });
});

describe('sortKeysWithIndex', () => {
  fcTest.prop(
    [
      fc.oneof(
        fc.array(fc.integer({ min: -3, max: 3 }), { maxLength: 600 }),
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 600 }),
        // Long runs of one value (clipped coordinates) next to spread keys.
        fc.array(fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 256, maxLength: 600 }),
      ),
      fc.integer({ min: 0, max: 1000 }),
    ],
    { numRuns: 150 },
  )('sorts keys ascending with the index alongside, equal keys by index value (quicksort and radix paths)', (keys, offset) => {
    const n = keys.length;
    // A non-identity index (reversed, shifted) checks that ties are ordered by index value.
    const index = Int32Array.from(keys, (_, i) => offset + n - i);
    const key = Float64Array.from(keys);
    sortKeysWithIndex(key, index, n);
    const want = keys.map((k, i) => ({ k, v: offset + n - i })).sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.v - b.v));
    expect(Array.from(index)).toEqual(want.map((w) => w.v));
    // -0 and 0 are equal keys; compare as numbers.
    for (let t = 0; t < n; t++) expect(key[t] === want[t]!.k).toBe(true);
  });
});

describe('sortRowsByColumn', () => {
  test('orders the rows by one column, row numbers alongside, as argsortByKey does', () => {
    const data = new Float64Array([3, 0.5, 1, 0.2, 2, 0.5, 0, 0.1]);
    const key = new Float64Array(4);
    const index = new Int32Array(4);
    sortRowsByColumn(data, 4, 2, 1, key, index);
    expect([...index]).toEqual([...argsortByKey(new Float64Array([0.5, 0.2, 0.5, 0.1]), 4)]);
    expect([...key]).toEqual([0.1, 0.2, 0.5, 0.5]);
  });
});
