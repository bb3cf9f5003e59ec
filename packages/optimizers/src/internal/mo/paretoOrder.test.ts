import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { paretoKeep } from './paretoOrder';

describe('paretoKeep', () => {
  test('with violations: feasible rows first (hypervolume among them), then the least violating', () => {
    // Rows 0 and 1 are the best by far but infeasible.
    const points = Float64Array.from([0, 0, 0.1, 0.1, 1, 3, 2, 2, 3, 1, 5, 5]);
    const violations = [0.5, 0.2, 0, 0, 0, 0];
    expect(paretoKeep(points, 2, 3, { violations })).toEqual([2, 3, 4]);
    expect(paretoKeep(points, 2, 5, { violations })).toEqual([1, 2, 3, 4, 5]);
    // Without violations the two infeasible rows would be kept first: they dominate the others.
    expect(paretoKeep(points, 2, 2)).toEqual([0, 1]);
  });

  test('k rows, ascending, and never an infeasible row while a feasible one is dropped', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }).chain((n) =>
          fc.record({
            points: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 2 * n, maxLength: 2 * n }),
            violations: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 })), { minLength: n, maxLength: n }),
            k: fc.integer({ min: 0, max: n + 1 }),
          }),
        ),
        ({ points, violations, k }) => {
          const n = violations.length;
          const kept = paretoKeep(Float64Array.from(points), 2, k, { violations });
          expect(kept).toHaveLength(Math.min(k, n));
          expect(kept).toEqual([...kept].sort((a, b) => a - b));
          const keptSet = new Set(kept);
          const dropped = Array.from({ length: n }, (_, i) => i).filter((i) => !keptSet.has(i));
          for (const i of kept)
            for (const j of dropped) if ((violations[i] as number) > 0) expect(violations[j]).toBeGreaterThanOrEqual(violations[i] as number);
        },
      ),
    );
  });

  test('all violations 0 is the unconstrained selection', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 2, maxLength: 40 }), fc.integer({ min: 0, max: 20 }), (raw, k) => {
        const points = Float64Array.from(raw.slice(0, raw.length - (raw.length % 2)));
        expect(paretoKeep(points, 2, k, { violations: new Float64Array(points.length / 2) })).toEqual(paretoKeep(points, 2, k));
      }),
    );
  });
});
