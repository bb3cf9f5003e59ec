import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { coolingExponent } from './coolingExponent';

describe('coolingExponent', () => {
  test('1 after the initial design, 0 when the budget is spent, linear between', () => {
    expect(coolingExponent(100, 10, 10)).toBe(1);
    expect(coolingExponent(100, 55, 10)).toBeCloseTo(0.5, 12);
    expect(coolingExponent(100, 100, 10)).toBe(0);
    expect(coolingExponent(100, 150, 10)).toBe(0);
    // The initial design ate the whole budget: plain EI from the start.
    expect(coolingExponent(100, 120, 120)).toBe(0);
  });

  test('stays in [0, 1] and never rises as more is spent', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e3, noNaN: true }),
        (budget, initial, spent, more) => {
          const a = coolingExponent(budget, spent, initial);
          const b = coolingExponent(budget, spent + more, initial);
          expect(a).toBeGreaterThanOrEqual(0);
          expect(a).toBeLessThanOrEqual(1);
          expect(b).toBeLessThanOrEqual(a);
        },
      ),
    );
  });
});
