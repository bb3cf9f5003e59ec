import { describe, expect, test } from 'vitest';
import type { Leaderboard } from './GridAnalysis';
import { rankOrderNote } from './rankOrderNote';

/** A leaderboard of the rows `[optimizer, mean, average rank]`, in order. */
const board = (better: 'lower' | 'higher', ...rows: [string, number, number][]): Leaderboard =>
  ({
    setting: 'black-box',
    task: 'toy',
    metric: { name: 'err', label: 'err', better },
    rows: rows.map(([optimizer, mean, averageRank]) => ({ optimizer, value: { mean, sem: 0.1, n: 10 }, averageRank })),
  }) as unknown as Leaderboard;

describe('rankOrderNote', () => {
  test('silent when the means agree with the rank order', () => {
    expect(rankOrderNote(board('lower', ['a', 1, 1.2], ['b', 2, 1.8]))).toBeUndefined();
    expect(rankOrderNote(board('higher', ['a', 2, 1.2], ['b', 1, 1.8]))).toBeUndefined();
  });

  test('names the pair whose means disagree with the order, in the metric direction', () => {
    expect(rankOrderNote(board('lower', ['a', 3, 1.4], ['b', 2, 1.6]))).toBe(
      'Ordered by average rank over seeds, not by mean: b has the better mean (2.00 ± 0.10 against 3.00 ± 0.10) but a ranks ahead on average.',
    );
    expect(rankOrderNote(board('higher', ['a', 1, 1.4], ['b', 2, 1.6]))).toMatch(/^Ordered by average rank over seeds, not by mean: b has the better mean/);
  });
});
