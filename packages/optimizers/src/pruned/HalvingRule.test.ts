import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { HalvingRule } from './HalvingRule';
import type { Curve } from './PruningRule';

const at = (...values: number[]): Curve => ({ values, status: 'running' });

describe('HalvingRule', () => {
  const rule = new HalvingRule(3);

  test('keeps the best floor(n / eta) at the rung, itself included', () => {
    const six = [at(1), at(2), at(3), at(4), at(5), at(6)];
    expect(rule.stops(0, 1, six[1]!, six)).toBe(false);
    expect(rule.stops(0, 1, six[2]!, six)).toBe(true);
  });

  test('while fewer than eta have reported, only the best goes on', () => {
    const own = at(2);
    expect(rule.stops(0, 1, own, [own])).toBe(false);
    expect(rule.stops(0, 1, own, [at(1), own])).toBe(true);
    expect(rule.stops(0, 1, own, [at(3), own])).toBe(false);
  });

  test('the best value at a rung always goes on; a trial worse than everyone stops once eta have reported', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 }), (values) => {
        const curves = values.map((v) => at(v));
        const best = curves.reduce((a, c) => (c.values[0]! < a.values[0]! ? c : a));
        expect(rule.stops(0, 1, best, curves)).toBe(false);
        const worst = at(2e6);
        expect(rule.stops(0, 1, worst, [...curves, worst])).toBe(true);
      }),
    );
  });

  test('constraints: the best floor(n / eta) by standing at the rung (feasible by value, then infeasible by violation)', () => {
    const constrained = (value: number, violation: number): Curve => ({ values: [value], violations: [violation], status: 'running' });
    const six = [constrained(1, 2), constrained(2, 1), constrained(3, 0), constrained(4, 0), constrained(5, 0.5), constrained(6, 0)];
    // Kept: 3 and 4 (feasible); the lower values 1 and 2 break the constraint.
    expect(six.map((c) => rule.stops(0, 1, c, six))).toEqual([true, true, false, false, true, true]);
    const infeasible = [constrained(1, 3), constrained(9, 0.1), constrained(5, 2)];
    expect(infeasible.map((c) => rule.stops(0, 1, c, infeasible))).toEqual([true, false, true]);
  });
});
