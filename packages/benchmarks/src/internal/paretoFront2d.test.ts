import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { paretoFront2d } from './paretoFront2d';

describe('paretoFront2d', () => {
  test('keeps exactly the points no other point dominates', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 })), { maxLength: 40 }), (points) => {
        const front = paretoFront2d(
          points.map((p) => p[0]),
          points.map((p) => p[1]),
        );
        const dominated = (p: readonly number[]): boolean => points.some((q) => q[0] <= p[0]! && q[1] <= p[1]! && (q[0] < p[0]! || q[1] < p[1]!));
        const expected = new Set(points.filter((p) => !dominated(p)).map((p) => `${p[0]},${p[1]}`));
        expect(new Set(front.map((p) => `${p[0]},${p[1]}`))).toEqual(expected);
        expect(front).toHaveLength(expected.size);
      }),
    );
  });

  test('skips NaN entries', () => {
    expect(paretoFront2d([1, 0, 2], [NaN, 3, 1])).toEqual([
      [2, 1],
      [0, 3],
    ]);
  });
});
