import { expect, test } from 'vitest';
import { staircaseMoveBudget } from './staircaseMoveBudget';

test('64 moves per point up to 1024 points, 2 sqrt(n) per point after', () => {
  expect(staircaseMoveBudget(100)).toBe(6400);
  expect(staircaseMoveBudget(1024)).toBe(65536);
  expect(staircaseMoveBudget(10_000)).toBe(2_000_000);
  expect(staircaseMoveBudget(0)).toBe(0);
});
