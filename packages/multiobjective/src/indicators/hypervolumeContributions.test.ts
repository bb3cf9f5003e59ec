import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { bruteHypervolume, intPoints, realPoints, relClose, spherePoints } from '../testing/oracleFixtures';
import { hypervolume } from './hypervolume';
import { hypervolumeContributions } from './hypervolumeContributions';

function without(p: Float64Array, d: number, i: number): Float64Array {
  return Float64Array.from([...p.subarray(0, i * d), ...p.subarray(i * d + d)]);
}

describe('hypervolumeContributions = HV(all) - HV(all but one)', () => {
  for (const d of [1, 2, 3, 4, 5]) {
    const n = d >= 5 ? 7 : d === 4 ? 10 : 18;
    fcTest.prop([fc.oneof(intPoints(d, n, 4), realPoints(d, n))], { numRuns: 80 })(`oracle, d = ${d}`, (p) => {
      const ref = new Array<number>(d).fill(p.length > 0 && p[0]! >= 1 ? 4 : 0.9);
      const c = hypervolumeContributions(p, d, ref);
      const all = bruteHypervolume(p, d, ref);
      for (let i = 0; i < p.length / d; i++) {
        expect(relClose(c[i]!, all - bruteHypervolume(without(p, d, i), d, ref), 1e-10)).toBe(true);
      }
    });
  }
  test('3-D kernel on a larger front agrees with the fast HV kernel', () => {
    const p = spherePoints(300, 3, 21);
    const ref = [1.1, 1.1, 1.1];
    const c = hypervolumeContributions(p, 3, ref);
    const all = hypervolume(p, 3, ref);
    for (let i = 0; i < 300; i += 7) expect(relClose(c[i]!, all - hypervolume(without(p, 3, i), 3, ref), 1e-9)).toBe(true);
  });
  test('dominated and duplicated points contribute 0', () => {
    const p = Float64Array.from([0, 2, 0, 2, 1, 1, 2, 2, 3, 0]);
    expect(Array.from(hypervolumeContributions(p, 2, [4, 4]))).toEqual([0, 0, 2, 0, 1]);
  });
  test('points outside the reference contribute 0 and empty input is empty', () => {
    expect(Array.from(hypervolumeContributions(Float64Array.from([5, 0, 0, 0]), 2, [1, 1]))).toEqual([0, 1]);
    expect(hypervolumeContributions(new Float64Array(0), 3, [1, 1, 1]).length).toBe(0);
  });
});
