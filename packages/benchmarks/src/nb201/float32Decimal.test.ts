import fc from 'fast-check';
import { expect, test } from 'vitest';
import { decimalDifference, float32Decimal } from './float32Decimal';

test('float32Decimal returns the shortest decimal of the same float32', () => {
  expect(float32Decimal(Math.fround(91.60666665039064))).toBe(91.60667);
  expect(float32Decimal(Math.fround(1.073466))).toBe(1.073466);
  expect(float32Decimal(Number.NaN)).toBeNaN();
  fc.assert(
    fc.property(fc.float({ noNaN: true, noDefaultInfinity: true }), (v) => {
      expect(Math.fround(float32Decimal(v))).toBe(Math.fround(v));
    }),
  );
  expect(decimalDifference(100, 91.60667)).toBe(8.39333);
});
