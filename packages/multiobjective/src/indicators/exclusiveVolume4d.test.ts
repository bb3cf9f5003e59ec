import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { bruteHypervolume, intPoints, realPoints, relClose, spherePoints } from '../testing/oracleFixtures';
import { exclusiveVolume } from './exclusiveVolume';
import { exclusiveVolume4d } from './exclusiveVolume4d';

function without(p: Float64Array, i: number): Float64Array {
  return Float64Array.from([...p.subarray(0, 4 * i), ...p.subarray(4 * i + 4)]);
}

describe('exclusiveVolume4d', () => {
  fcTest.prop([fc.oneof(intPoints(4, 12, 4, 1), realPoints(4, 12, 1))], { numRuns: 150 })('equals HV(all) - HV(all but t)', (p) => {
    const n = p.length / 4;
    const ref = Float64Array.from({ length: 4 }, () => (p.some((v) => v >= 1) ? 4 : 1));
    const all = bruteHypervolume(p, 4, ref);
    for (let t = 0; t < n; t++) {
      expect(relClose(exclusiveVolume4d(p, t, n, ref), all - bruteHypervolume(without(p, t), 4, ref), 1e-10)).toBe(true);
    }
  });
  test('agrees with the generic exclusive volume on a front of 60 points', () => {
    const p = spherePoints(60, 4, 5);
    const ref = Float64Array.from([1.1, 1.1, 1.1, 1.1]);
    for (let t = 0; t < 60; t++) expect(relClose(exclusiveVolume4d(p, t, 60, ref), exclusiveVolume(p, 4 * t, p, 60, 4, ref, t), 1e-12)).toBe(true);
  });
});
