import { bench, describe } from 'vitest';
import { refOf, sphere } from '../testing/benchFixtures';
import { hsspExact2d } from './hsspExact2d';
import { hsspGreedyDecremental } from './hsspGreedyDecremental';

describe('hypervolume subset selection', () => {
  const p3 = sphere(1000, 3);
  bench('greedy decremental 3-D, 1000 -> 100', () => {
    hsspGreedyDecremental(p3, 3, refOf(3), 100);
  });
  const p2 = sphere(1000, 2);
  bench('exact 2-D, n = 1000, k = 100', () => {
    hsspExact2d(p2, refOf(2), 100);
  });
});
