import { describe, expect, test } from 'vitest';
import { dtlz2Grid, spherePoints, uniformPoints } from '../testing/oracleFixtures';
import { hypervolume } from './hypervolume';
import { hypervolumeMonteCarlo } from './hypervolumeMonteCarlo';

describe('hypervolumeMonteCarlo', () => {
  test('intervals cover the exact value for fixed seeds (d = 2..6)', () => {
    let covered = 0;
    let total = 0;
    for (const d of [2, 3, 4, 5, 6]) {
      const p = spherePoints(40, d, 100 + d);
      const ref = new Array<number>(d).fill(1.2);
      const exact = hypervolume(p, d, ref);
      for (const seed of [1, 2, 3, 4]) {
        const est = hypervolumeMonteCarlo(p, d, ref, { samples: 20_000, seed, confidence: 0.99 });
        total++;
        if (est.lower <= exact && exact <= est.upper) covered++;
        // Within 5 standard errors always (a deterministic, generous check).
        expect(Math.abs(est.estimate - exact)).toBeLessThan(5 * est.standardError + 1e-12);
      }
    }
    // 99% intervals: with 20 fixed-seed trials, at most one miss is plausible.
    expect(covered).toBeGreaterThanOrEqual(total - 1);
  });
  test('same seed, same estimate; different seed, different estimate', () => {
    const p = uniformPoints(30, 4, 5);
    const a = hypervolumeMonteCarlo(p, 4, [1, 1, 1, 1], { samples: 5000, seed: 9 });
    const b = hypervolumeMonteCarlo(p, 4, [1, 1, 1, 1], { samples: 5000, seed: 9 });
    const c = hypervolumeMonteCarlo(p, 4, [1, 1, 1, 1], { samples: 5000, seed: 10 });
    expect(a).toEqual(b);
    expect(a.estimate).not.toBe(c.estimate);
  });
  test('DTLZ2, 3 objectives, reference (1,1,1): estimate brackets 1 - pi/6 on a dense front', () => {
    const pts = dtlz2Grid(60);
    const exactOfSample = hypervolume(pts, 3, [1, 1, 1]);
    const est = hypervolumeMonteCarlo(pts, 3, [1, 1, 1], { samples: 10_000, seed: 1, confidence: 0.999 });
    expect(est.lower).toBeLessThanOrEqual(exactOfSample);
    expect(est.upper).toBeGreaterThanOrEqual(exactOfSample);
    // The grid's gap to the true front is far smaller than the interval's width.
    expect(Math.abs(est.estimate - (1 - Math.PI / 6))).toBeLessThan(4 * est.standardError + (1 - Math.PI / 6 - exactOfSample));
  });
  test('empty set and bad options', () => {
    expect(hypervolumeMonteCarlo(new Float64Array(0), 2, [1, 1]).estimate).toBe(0);
    expect(() => hypervolumeMonteCarlo(Float64Array.from([0, 0]), 2, [1, 1], { samples: 0 })).toThrow(/samples/);
    expect(() => hypervolumeMonteCarlo(Float64Array.from([0, 0]), 2, [1, 1], { confidence: 1 })).toThrow(/confidence/);
  });
});
