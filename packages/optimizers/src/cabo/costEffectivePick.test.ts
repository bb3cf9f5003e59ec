import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { costEffectivePick } from './costEffectivePick';

const rows = (...points: number[][]) => Float64Array.from(points.flat());

describe('costEffectivePick', () => {
  test('equal costs: the candidate farthest from what was seen', () => {
    const seen = rows([0, 0]);
    expect(costEffectivePick(rows([0.1, 0], [1, 1], [0.5, 0.5]), 3, 2, seen, 1, undefined)).toBe(1);
    expect(costEffectivePick(rows([0.1, 0], [1, 1], [0.5, 0.5]), 3, 2, seen, 1, Float64Array.of(2, 2, 2))).toBe(1);
  });

  test('distance per second: twice as far at four times the cost loses, at half the cost wins', () => {
    const seen = rows([0]);
    const candidates = rows([0.25], [0.5]);
    expect(costEffectivePick(candidates, 2, 1, seen, 1, Float64Array.of(0, Math.log(4)))).toBe(0);
    expect(costEffectivePick(candidates, 2, 1, seen, 1, Float64Array.of(0, Math.log(1.5)))).toBe(1);
  });

  test('nothing seen: the cheapest; a candidate on a seen point is taken only when every candidate is', () => {
    expect(costEffectivePick(rows([0], [1], [2]), 3, 1, new Float64Array(0), 0, Float64Array.of(3, 1, 2))).toBe(1);
    expect(costEffectivePick(rows([0], [1]), 2, 1, rows([0]), 1, Float64Array.of(-5, 5))).toBe(1);
    expect(costEffectivePick(rows([0], [0]), 2, 1, rows([0]), 1, undefined)).toBe(0);
  });

  test('the pick maximises log distance to the nearest seen point minus log cost', () => {
    const point = fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(point, fc.double({ min: -3, max: 3, noNaN: true })), { minLength: 1, maxLength: 8 }),
        fc.array(point, { minLength: 1, maxLength: 5 }),
        (candidates, seen) => {
          const score = (p: number[], logCost: number) =>
            0.5 * Math.log(Math.min(...seen.map((s) => s.reduce((sum, v, j) => sum + (v - p[j]!) ** 2, 0)))) - logCost;
          const at = costEffectivePick(
            rows(...candidates.map(([p]) => p)),
            candidates.length,
            3,
            rows(...seen),
            seen.length,
            Float64Array.from(candidates.map(([, c]) => c)),
          );
          expect(at).toBeGreaterThanOrEqual(0);
          const best = score(...candidates[at]!);
          for (const c of candidates) expect(score(...c)).toBeLessThanOrEqual(best + 1e-9);
        },
      ),
    );
  });
});
