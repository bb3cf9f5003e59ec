import { fc, test } from '@fast-check/vitest';
import { scalarObservation } from './testing/scalarObservation';
import { describe, expect, it } from 'vitest';
import { compareStanding, isFeasible, standingOf, standingOfValue } from './standing';

describe('standingOfValue', () => {
  it('ranks a kept value and violation as the observation it came from; Infinity (a failed trial) last', () => {
    expect(standingOfValue({ value: 3, violation: 0 })).toEqual(standingOf(scalarObservation('ok', 3, [0])));
    expect(standingOfValue({ value: -3, violation: 0.5 })).toEqual(standingOf(scalarObservation('ok', -3, [0.5])));
    expect(standingOfValue({ value: Number.POSITIVE_INFINITY, violation: 2 })).toEqual({ tier: 2, key: 2 });
  });
});

describe('standingOf', () => {
  it('puts feasible before infeasible before failed, whatever the values', () => {
    const feasible = standingOf(scalarObservation('ok', 100, [-1, 0]));
    const slightly = standingOf(scalarObservation('ok', -100, [0.1, -5]));
    const badly = standingOf(scalarObservation('ok', -1000, [2, 3]));
    const failed = standingOf(scalarObservation('failed', 0, []));
    expect([failed, badly, slightly, feasible].sort(compareStanding)).toEqual([feasible, slightly, badly, failed]);
    expect(badly.key).toBe(5);
  });

  test.prop([fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2 })])('without constraints, orders by value', (values) => {
    const sorted = values
      .map((v) => standingOf(scalarObservation('ok', v, [])))
      .sort(compareStanding)
      .map((s) => s.key);
    expect(sorted).toEqual([...values].sort((a, b) => a - b));
  });

  it('isFeasible needs ok and no violation', () => {
    expect(isFeasible(scalarObservation('ok', 1, [0, -1]))).toBe(true);
    expect(isFeasible(scalarObservation('ok', 1, [1e-9]))).toBe(false);
    expect(isFeasible(scalarObservation('failed', 1, []))).toBe(false);
  });
});
