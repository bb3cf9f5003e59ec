import { Rng } from '@jahskit/core';
import { describe, expect, test } from 'vitest';
import { expectedImprovement } from './expectedImprovement';
import { normalCdf, normalPdf } from './normal';

describe('normal distribution', () => {
  test('known values of Phi (values from erfc, to 1e-13 relative)', () => {
    const known: [number, number][] = [
      [0, 0.5],
      [1, 0.8413447460685429],
      [-1, 0.15865525393145707],
      [-2.5, 0.006209665325776139],
      [2.9, 0.998134186699616],
      [-3.1, 0.0009676032132183562],
      [-5, 2.866515718791946e-7],
      [-10, 7.619853024160593e-24],
      [-20, 2.7536241186063314e-89],
      [6, 0.9999999990134123],
    ];
    for (const [x, p] of known) expect(Math.abs(normalCdf(x) - p) / p).toBeLessThan(1e-13);
    expect(normalCdf(-50)).toBe(0);
    expect(normalCdf(50)).toBe(1);
  });

  test('Phi is continuous and monotone across the branch points and integrates phi', () => {
    for (const b of [-3, 3]) expect(Math.abs(normalCdf(b + 1e-12) - normalCdf(b - 1e-12))).toBeLessThan(1e-14);
    let previous = 0;
    for (let x = -8; x <= 8; x += 0.01) {
      const p = normalCdf(x);
      expect(p).toBeGreaterThanOrEqual(previous);
      previous = p;
    }
    // Trapezoid rule on [-1, 2].
    let integral = 0;
    const h = 1e-4;
    for (let i = 0; i < 30_000; i++) integral += (h * (normalPdf(-1 + i * h) + normalPdf(-1 + (i + 1) * h))) / 2;
    expect(integral).toBeCloseTo(normalCdf(2) - normalCdf(-1), 7);
  });
});

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
