import { test as fcTest } from '@fast-check/vitest';
import fc from 'fast-check';
import { expect } from 'vitest';
import { keyRange } from './keyRange';

fcTest.prop([fc.array(fc.double({ noNaN: true }), { minLength: 1, maxLength: 50 }), fc.nat(5)])(
  'finds the smallest and largest of the first n values',
  (xs, extra) => {
    const values = Float64Array.from([...xs, ...Array.from({ length: extra }, () => Infinity)]);
    const out = new Float64Array(2);
    keyRange(values, xs.length, out);
    expect(out[0]).toBe(Math.min(...xs));
    expect(out[1]).toBe(Math.max(...xs));
  },
);
