import { describe, expect, test } from 'vitest';
import { meanSem } from './meanSem';

describe('meanSem', () => {
  test('mean and standard error of the mean', () => {
    const { mean, sem, n } = meanSem([1, 2, 3, 4]);
    expect(mean).toBe(2.5);
    expect(sem).toBeCloseTo(Math.sqrt(5 / 3 / 4), 12);
    expect(n).toBe(4);
  });

  test('one value has no spread; none has no mean', () => {
    expect(meanSem([7])).toEqual({ mean: 7, sem: 0, n: 1 });
    expect(meanSem([]).n).toBe(0);
  });
});
