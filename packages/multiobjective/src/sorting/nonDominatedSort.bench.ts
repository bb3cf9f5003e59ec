import { bench, describe } from 'vitest';
import { uniform } from '../testing/benchFixtures';
import { nonDominatedSort } from './nonDominatedSort';

describe('nonDominatedSort (uniform random points, n = 10000)', () => {
  for (const d of [2, 3, 5]) {
    const p = uniform(10_000, d);
    bench(`${d}-D`, () => {
      nonDominatedSort(p, d);
    });
  }
});
