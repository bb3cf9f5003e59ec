import { describe, expect, it } from 'vitest';
import type { ParetoView } from '../../analysis/GridAnalysis';
import { referencePointInView } from './referencePointInView';

const view = (referencePoint: number[]): ParetoView => ({
  objectives: ['f1', 'f2'],
  directions: ['minimize', 'minimize'],
  referencePoint,
  fronts: [
    {
      optimizer: 'a',
      points: [
        [0, 1],
        [1, 0],
      ],
    },
  ],
});

describe('referencePointInView', () => {
  it('accepts a reference point within one data span of the points', () => {
    expect(referencePointInView(view([1.1, 1.1]))).toBe(true);
    expect(referencePointInView(view([2, 2]))).toBe(true);
  });

  it('rejects one that would squeeze the fronts, or is not a point', () => {
    expect(referencePointInView(view([100, 1.1]))).toBe(false);
    expect(referencePointInView(view([1.1, 100]))).toBe(false);
    expect(referencePointInView(view([Number.NaN, 1]))).toBe(false);
    expect(referencePointInView(view([1]))).toBe(false);
  });

  it('shows the reference point alone when there is nothing else to draw', () => {
    expect(referencePointInView({ ...view([5, 5]), fronts: [] })).toBe(true);
  });
});
