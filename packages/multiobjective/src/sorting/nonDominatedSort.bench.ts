import { bench, describe } from 'vitest';
import { sphere, uniform } from '../testing/benchFixtures';
import { nonDominatedSort } from './nonDominatedSort';

describe('nonDominatedSort (uniform random points, n = 10000)', () => {
  for (const d of [2, 3, 5]) {
    const p = uniform(10_000, d);
    bench(`${d}-D`, () => {
      nonDominatedSort(p, d);
    });
  }
});

describe('nonDominatedSort (1000 sphere points, each 10 times, n = 10000)', () => {
  for (const d of [3, 4]) {
    const base = sphere(1000, d);
    const p = new Float64Array(10_000 * d);
    for (let i = 0; i < 10_000; i++) p.set(base.subarray(((i * 7) % 1000) * d, ((i * 7) % 1000) * d + d), i * d);
    bench(`${d}-D`, () => {
      nonDominatedSort(p, d);
    });
  }
});
