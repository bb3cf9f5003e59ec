import { test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { MultiObjectiveError } from '../errors/MultiObjectiveError';
import { additiveEpsilon } from './additiveEpsilon';
import { hypervolumeRatio } from './hypervolumeRatio';
import { igd } from './igd';
import { igdPlus } from './igdPlus';
import { realPoints } from '../testing/oracleFixtures';

const truth = Float64Array.from([0, 1, 0.5, 0.5, 1, 0]);

describe('front-comparison indicators', () => {
  test('a front equal to the reference front scores perfectly', () => {
    expect(igd(truth, truth, 2)).toBe(0);
    expect(igdPlus(truth, truth, 2)).toBe(0);
    expect(additiveEpsilon(truth, truth, 2)).toBe(0);
    expect(hypervolumeRatio(truth, truth, 2, [2, 2])).toBe(1);
  });
  test('hand-computed values for a shifted front', () => {
    const shifted = Float64Array.from([0.1, 1.2, 1.1, 0.2]);
    // IGD: distances from (0,1), (0.5,0.5), (1,0) to the nearest of the two points.
    const d1 = Math.hypot(0.1, 0.2);
    const d2 = Math.min(Math.hypot(0.4, 0.7), Math.hypot(0.6, 0.3));
    const d3 = Math.hypot(0.1, 0.2);
    expect(igd(shifted, truth, 2)).toBeCloseTo((d1 + d2 + d3) / 3, 15);
    // IGD+: only the worse components count.
    const p2 = Math.min(Math.hypot(0, 0.7), Math.hypot(0.6, 0));
    expect(igdPlus(shifted, truth, 2)).toBeCloseTo((Math.hypot(0.1, 0.2) + p2 + Math.hypot(0.1, 0.2)) / 3, 15);
    expect(additiveEpsilon(shifted, truth, 2)).toBeCloseTo(0.6, 15);
    expect(additiveEpsilon(truth, shifted, 2)).toBeLessThanOrEqual(0);
  });
  test('IGD+ is zero when the front dominates the reference front, IGD is not', () => {
    const better = Float64Array.from([-1, -1]);
    expect(igdPlus(better, truth, 2)).toBe(0);
    expect(igd(better, truth, 2)).toBeGreaterThan(0);
  });
  test('empty sets and a zero-volume reference front are typed errors', () => {
    expect(() => igd(new Float64Array(0), truth, 2)).toThrow(MultiObjectiveError);
    expect(() => igdPlus(truth, new Float64Array(0), 2)).toThrow(/referenceFront/);
    expect(() => hypervolumeRatio(truth, Float64Array.from([3, 3]), 2, [2, 2])).toThrow(MultiObjectiveError);
  });
  for (const d of [2, 3]) {
    fcTest.prop([realPoints(d, 8, 1), realPoints(d, 8, 1)], { numRuns: 100 })(
      `IGD+ counts a part of each IGD distance: 0 <= IGD+ <= IGD, d = ${d}`,
      (front, reference) => {
        const plus = igdPlus(front, reference, d);
        expect(plus).toBeGreaterThanOrEqual(0);
        expect(plus).toBeLessThanOrEqual(igd(front, reference, d));
      },
    );
  }
});
