import { Rng } from '@jahskit/core';
import { describe, expect, test } from 'vitest';
import { expectedImprovement } from './expectedImprovement';

describe('expected improvement', () => {
  test('matches Monte Carlo', () => {
    const rng = Rng.seeded(1);
    for (const [mean, variance, best] of [
      [0, 1, 0],
      [1, 0.25, 0.5],
      [-1, 4, 0],
    ] as const) {
      let sum = 0;
      const draws = 200_000;
      for (let i = 0; i < draws; i++) sum += Math.max(best - rng.normal(mean, Math.sqrt(variance)), 0);
      expect(expectedImprovement(mean, variance, best)).toBeCloseTo(sum / draws, 2);
    }
  });

  test('zero variance gives the plain improvement; EI is never negative', () => {
    expect(expectedImprovement(1, 0, 3)).toBe(2);
    expect(expectedImprovement(3, 0, 1)).toBe(0);
    expect(expectedImprovement(100, 1e-6, 0)).toBeGreaterThanOrEqual(0);
  });
});
