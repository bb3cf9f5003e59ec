import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { bruteHypervolume, intPoints, relClose } from '../testing/oracleFixtures';
import { hypervolumeImprovement } from './hypervolumeImprovement';

describe('hypervolumeImprovement', () => {
  for (const d of [2, 3, 4, 5]) {
    fcTest.prop([intPoints(d, d >= 5 ? 7 : 12, 4), fc.array(fc.integer({ min: 0, max: 5 }), { minLength: d, maxLength: d })], {
      numRuns: 80,
    })(`equals HV(front + p) - HV(front), d = ${d}`, (front, point) => {
      const ref = new Array<number>(d).fill(4.5);
      const want = bruteHypervolume(Float64Array.from([...front, ...point]), d, ref) - bruteHypervolume(front, d, ref);
      expect(relClose(hypervolumeImprovement(front, d, point, ref), want, 1e-12)).toBe(true);
    });
  }
  test('empty front gives the box, a point outside the reference gives 0', () => {
    expect(hypervolumeImprovement(new Float64Array(0), 2, [0, 0], [2, 3])).toBe(6);
    expect(hypervolumeImprovement(Float64Array.from([0, 0]), 2, [3, 0], [2, 3])).toBe(0);
    expect(() => hypervolumeImprovement(Float64Array.from([0, 0]), 2, [0], [2, 3])).toThrow(/point/);
  });
  test('a value that is not a finite number is a typed error naming the coordinate', () => {
    const error = (f: () => unknown): unknown => {
      try {
        f();
      } catch (e) {
        return e;
      }
      return undefined;
    };
    const front = Float64Array.from([0, 0]);
    expect(error(() => hypervolumeImprovement(front, 2, [0, NaN], [2, 3]))).toMatchObject({
      kind: 'non-finite',
      message: 'point[1] is NaN; it must be a finite number',
    });
    expect(error(() => hypervolumeImprovement(front, 2, [0, 0], [Infinity, 3]))).toMatchObject({
      kind: 'invalid-reference',
      message: 'reference[0] is Infinity; it must be a finite number',
    });
    expect(error(() => hypervolumeImprovement(front, 2, ['1', 0] as unknown as number[], [2, 3]))).toMatchObject({ kind: 'non-finite' });
  });
});
