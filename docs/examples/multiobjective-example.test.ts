import { expect, test } from 'vitest';
import { multiobjectiveExample } from './multiobjective-example';

test('the multi-objective example runs and its numbers are the hand-computed ones', () => {
  const r = multiobjectiveExample();
  // Minimised points: (0.3,-0.9) (0.2,-0.85) (0.5,-0.95) (0.25,-0.8) (0.6,-0.7) (0.2,-0.85).
  expect(r.ranks).toEqual([0, 0, 0, 1, 2, 0]);
  expect(r.firstFront).toEqual([0, 1, 2, 5]);
  // Staircase x: 0.2 (y -0.85), 0.3 (-0.9), 0.5 (-0.95); reference (1, 0).
  expect(r.hv).toBeCloseTo(0.8 * 0.85 + 0.7 * 0.05 + 0.5 * 0.05, 12);
  // The duplicated point (rows 1 and 5) contributes 0 twice.
  expect(r.contributions[1]).toBe(0);
  expect(r.contributions[5]).toBe(0);
  expect(r.contributions[0]).toBeCloseTo(0.2 * 0.05, 12);
  // Rows 4 and 3 (worse fronts) go first, then one copy of the duplicate (ties: lower index).
  expect(r.kept).toEqual([0, 2, 5]);
  expect(r.crowding.filter((c) => c === Infinity).length).toBeGreaterThanOrEqual(2);
  // The first candidate is predicted to beat the whole front; the second is dominated.
  expect(r.ehvi[0]!).toBeGreaterThan(0.01);
  expect(r.ehvi[1]!).toBeLessThan(1e-6);
});
