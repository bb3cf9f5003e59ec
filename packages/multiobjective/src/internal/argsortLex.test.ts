import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { argsortLex } from './argsortLex';

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
