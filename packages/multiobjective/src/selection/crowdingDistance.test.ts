import { describe, expect, test } from 'vitest';
import { crowdingDistance } from './crowdingDistance';

describe('crowdingDistance', () => {
  test('boundary points are infinite, interior points sum normalised gaps', () => {
    const p = Float64Array.from([0, 4, 1, 3, 2, 1, 4, 0]);
    const c = crowdingDistance(p, 2);
    expect(c[0]).toBe(Infinity);
    expect(c[3]).toBe(Infinity);
    expect(c[1]).toBeCloseTo((2 - 0) / 4 + (4 - 1) / 4, 15);
    expect(c[2]).toBeCloseTo((4 - 1) / 4 + (3 - 0) / 4, 15);
  });
  test('fronts of one and two points are all infinite', () => {
    expect(Array.from(crowdingDistance(Float64Array.from([1, 2]), 2))).toEqual([Infinity]);
    expect(Array.from(crowdingDistance(Float64Array.from([1, 2, 2, 1]), 2))).toEqual([Infinity, Infinity]);
    expect(crowdingDistance(new Float64Array(0), 2).length).toBe(0);
  });
  test('zero-range objectives are skipped, identical points get 0', () => {
    const flat = Float64Array.from([0, 5, 1, 5, 2, 5]);
    const c = crowdingDistance(flat, 2);
    expect(Array.from(c)).toEqual([Infinity, 1, Infinity]);
    expect(Array.from(crowdingDistance(Float64Array.from([1, 1, 1, 1, 1, 1]), 2))).toEqual([0, 0, 0]);
  });
});
