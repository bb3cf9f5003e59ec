import { describe, expect, test } from 'vitest';
import { standardise } from './standardise';

describe('standardise', () => {
  test('centres on the mean and divides by the sample standard deviation', () => {
    const { mean, scale, z } = standardise([1, 2, 3, 6], 4);
    expect(mean).toBe(3);
    expect(scale).toBeCloseTo(Math.sqrt(14 / 3), 15);
    expect([...z].map((v) => v * scale + mean)).toEqual([1, 2, 3, 6].map((v) => expect.closeTo(v, 12)));
  });

  test('only the first n targets; scale 1 without spread or with one target; nothing for none', () => {
    expect(standardise([2, 2, 100], 2)).toEqual({ mean: 2, scale: 1, z: Float64Array.from([0, 0]) });
    expect(standardise([5], 1)).toEqual({ mean: 5, scale: 1, z: Float64Array.from([0]) });
    expect(standardise([], 0)).toEqual({ mean: 0, scale: 1, z: new Float64Array(0) });
  });
});
