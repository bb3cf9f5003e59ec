import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test, vi } from 'vitest';
import { hypervolume } from '../indicators/hypervolume';
import { hypervolumeContributions } from '../indicators/hypervolumeContributions';
import { hypervolumeImprovement } from '../indicators/hypervolumeImprovement';
import { nonDominatedFilter } from '../sorting/nonDominatedFilter';
import { nonDominatedSort } from '../sorting/nonDominatedSort';
import { spherePoints } from '../testing/oracleFixtures';
import { WARM_UP_ROWS, WarmUp, warmUpFront, warmUpScattered } from './WarmUp';

const dims = [2, 3, 4, 5, 6, 7, 8];
const MAX_D = 5;

describe('warm-up sets', () => {
  test.each(dims)('d = %i: the front is 100 mutually non-dominated points inside the reference', (d) => {
    const front = warmUpFront(d);
    expect(front.length).toBe(100 * d);
    expect(front.every((v) => v > 0 && v < 1.1)).toBe(true);
    expect(nonDominatedSort(front, d).every((r) => r === 0)).toBe(true);
  });

  test.each(dims)('d = %i: the scattered set has dominated rows and rows outside the reference', (d) => {
    const scattered = warmUpScattered(d);
    expect(scattered.length).toBe(100 * d);
    expect(scattered.every((v) => v > 0 && v < 1.21)).toBe(true);
    expect(nonDominatedSort(scattered, d).some((r) => r > 0)).toBe(true);
    expect(scattered.some((v) => v >= 1.1)).toBe(true);
  });
});

describe('WarmUp', () => {
  test('the first call on a large set of d objectives runs the entry point on both sets, once per d', () => {
    const entry = vi.fn();
    const warmUp = new WarmUp(entry, MAX_D);
    const large = spherePoints(WARM_UP_ROWS + 1, 4, 1);
    warmUp.before(large, 4);
    expect(entry).toHaveBeenCalledTimes(2);
    for (const [points, d, reference] of entry.mock.calls as [Float64Array, number, Float64Array][]) {
      expect(d).toBe(4);
      expect(points.length).toBe(400);
      expect(Array.from(reference)).toEqual([1.1, 1.1, 1.1, 1.1]);
    }
    warmUp.before(large, 4);
    expect(entry).toHaveBeenCalledTimes(2);
    warmUp.before(spherePoints(WARM_UP_ROWS + 1, 3, 1), 3);
    expect(entry).toHaveBeenCalledTimes(4);
  });

  test('calls on up to WARM_UP_ROWS rows need no warm-up and leave it for the first large one', () => {
    const entry = vi.fn();
    const warmUp = new WarmUp(entry, MAX_D);
    warmUp.before(spherePoints(WARM_UP_ROWS, 2, 1), 2);
    expect(entry).not.toHaveBeenCalled();
    warmUp.before(spherePoints(WARM_UP_ROWS + 1, 2, 1), 2);
    expect(entry).toHaveBeenCalledTimes(2);
  });

  // Bad input reaches before() unchecked: it must neither throw nor warm up, so that the entry
  // point's own checks give the error.
  fcTest.prop([fc.anything(), fc.oneof(fc.anything(), fc.double(), fc.integer({ min: -2, max: 12 }))], { numRuns: 300 })(
    'never throws, and warms up only for a Float64Array of more than WARM_UP_ROWS rows and an integer d in [2, maxD]',
    (points, d) => {
      const entry = vi.fn();
      const warmUp = new WarmUp(entry, MAX_D);
      expect(() => warmUp.before(points as Float64Array, d as number)).not.toThrow();
      expect(entry).not.toHaveBeenCalled();
      const large = new Float64Array(WARM_UP_ROWS * 12 + 12);
      warmUp.before(large, d as number);
      const expected = Number.isInteger(d) && (d as number) >= 2 && (d as number) <= MAX_D ? 2 : 0;
      expect(entry).toHaveBeenCalledTimes(expected);
    },
  );

  // The entry points' own instances warm up once per process, whichever test runs first; fresh
  // instances over the same functions run the warm-up here, on the real kernels.
  test.each([2, 3, 4, 5])('d = %i: the entry points take the warm-up sets, and give the same values after them', (d) => {
    const points = spherePoints(WARM_UP_ROWS + 72, d, d);
    const reference = new Array<number>(d).fill(1.1);
    const point = new Array<number>(d).fill(0.4);
    const improvement = (front: Float64Array, dims: number, ref: ArrayLike<number>) => hypervolumeImprovement(front, dims, point, ref);
    const all = () => [
      hypervolume(points, d, reference),
      hypervolumeContributions(points, d, reference),
      nonDominatedSort(points, d),
      nonDominatedFilter(points, d),
      improvement(points, d, reference),
    ];
    const before = all();
    const sort = (front: Float64Array, dims: number) => nonDominatedSort(front, dims);
    for (const entry of [hypervolume, hypervolumeContributions, sort, nonDominatedFilter, improvement]) new WarmUp(entry, 5).before(points, d);
    expect(all()).toEqual(before);
  });
});
