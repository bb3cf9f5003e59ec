import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { penaliseInfeasible } from './penaliseInfeasible';

describe('penaliseInfeasible', () => {
  test('every infeasible value ends above every feasible one, ordered by violation; feasible values unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ f: fc.double({ min: 0, max: 2, noNaN: true }), v: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 5, noNaN: true })) }), {
          minLength: 1,
          maxLength: 30,
        }),
        (rows) => {
          const f = Float64Array.from(rows, (r) => r.f);
          penaliseInfeasible(
            f,
            rows.map((r) => r.v),
          );
          rows.forEach((a, i) => {
            if (a.v === 0) expect(f[i]).toBe(a.f);
            rows.forEach((b, j) => {
              if (a.v > 0 && b.v === 0) expect(f[i]).toBeGreaterThan(f[j] as number);
              if (a.v > 0 && b.v > 0 && a.v < b.v) expect(f[i]).toBeLessThanOrEqual(f[j] as number);
            });
          });
        },
      ),
    );
  });
});
