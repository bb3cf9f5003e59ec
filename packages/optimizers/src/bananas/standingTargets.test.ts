import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { RejectedTrial } from '../internal/rejectedTrial';
import type { Evaluated } from '../internal/acquisition/ObservationHistory';
import { compareStanding, type Standing } from '../internal/standing';
import { standingTargets } from './standingTargets';

const value = fc.double({ min: -100, max: 100, noNaN: true });
const constraint = fc.double({ min: -1, max: 1, noNaN: true });

describe('standingTargets', () => {
  it('without constraints the targets are the values', () => {
    const results: Evaluated[] = [3, 1, 2].map((v, id) => ({ id, config: {}, value: v }));
    expect(standingTargets(results, [])).toEqual([3, 1, 2]);
    expect(
      standingTargets(
        results.map((e) => ({ ...e, constraints: [-1] })),
        [],
      ),
    ).toEqual([3, 1, 2]);
  });

  test.prop([
    fc.array(fc.tuple(value, fc.array(constraint, { minLength: 2, maxLength: 2 })), { maxLength: 20 }),
    fc.array(fc.array(constraint, { minLength: 2, maxLength: 2 }), { maxLength: 5 }),
  ])('targets are in the standing order: feasible by value, then infeasible results, then rejections, by violation', (told, rejectedConstraints) => {
    const results: Evaluated[] = told.map(([v, constraints], id) => ({ id, config: {}, value: v, constraints }));
    const rejected: RejectedTrial[] = rejectedConstraints
      .filter((c) => c.some((x) => x > 0))
      .map((constraints, i) => ({ id: 100 + i, config: {}, constraints }));
    const targets = standingTargets(results, rejected);
    expect(targets).toHaveLength(results.length + rejected.length);
    const violation = (c: readonly number[]) => c.reduce((s, x) => s + Math.max(0, x), 0);
    const standings: Standing[] = [
      ...results.map((e): Standing => (violation(e.constraints!) > 0 ? { tier: 1, key: violation(e.constraints!) } : { tier: 0, key: e.value })),
      ...rejected.map((r): Standing => ({ tier: 2, key: violation(r.constraints) })),
    ];
    for (let i = 0; i < targets.length; i++) {
      for (let j = 0; j < targets.length; j++) {
        const order = compareStanding(standings[i]!, standings[j]!);
        if (order < 0) expect(targets[i]!).toBeLessThan(targets[j]! + 1e-9);
        if (order === 0) expect(targets[i]).toBeCloseTo(targets[j]!, 9);
      }
    }
    expect(targets.every(Number.isFinite)).toBe(true);
  });
});
