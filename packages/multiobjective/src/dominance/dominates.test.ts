import { describe, expect, test } from 'vitest';
import { MultiObjectiveError } from '../errors/MultiObjectiveError';
import { dominates } from './dominates';
import { pointsFromRows } from './pointsFromRows';
import { strictlyDominates } from './strictlyDominates';
import { toMinimization } from './toMinimization';
import { weaklyDominates } from './weaklyDominates';

describe('dominance relations (minimisation)', () => {
  test('pareto, weak and strict dominance', () => {
    expect(dominates([1, 2], [1, 3])).toBe(true);
    expect(dominates([1, 2], [1, 2])).toBe(false);
    expect(dominates([1, 3], [2, 2])).toBe(false);
    expect(weaklyDominates([1, 2], [1, 2])).toBe(true);
    expect(weaklyDominates([1, 2], [0, 3])).toBe(false);
    expect(strictlyDominates([0, 1], [1, 2])).toBe(true);
    expect(strictlyDominates([1, 1], [1, 2])).toBe(false);
    expect(dominates([NaN, 0], [1, 1])).toBe(false);
  });
  test('toMinimization negates maximised columns', () => {
    const out = toMinimization(Float64Array.from([1, 2, 3, 4]), 2, ['minimize', 'maximize']);
    expect(Array.from(out)).toEqual([1, -2, 3, -4]);
    expect(() => toMinimization(Float64Array.from([1, 2]), 2, ['minimize'])).toThrow(MultiObjectiveError);
  });
  test('pointsFromRows packs and validates', () => {
    expect(
      pointsFromRows([
        [1, 2],
        [3, 4],
      ]),
    ).toEqual({ points: Float64Array.from([1, 2, 3, 4]), n: 2, d: 2 });
    const kinds = [[[1, 2], [3]], [[1, NaN]], []].map((rows) => {
      try {
        pointsFromRows(rows);
        return 'none';
      } catch (e) {
        return MultiObjectiveError.is(e) ? e.kind : 'other';
      }
    });
    expect(kinds).toEqual(['dimension-mismatch', 'non-finite', 'empty']);
  });
});
