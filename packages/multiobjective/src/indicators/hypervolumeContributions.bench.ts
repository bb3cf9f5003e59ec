import { bench, describe } from 'vitest';
import { refOf, sphere } from '../testing/benchFixtures';
import { hypervolumeContributions } from './hypervolumeContributions';

describe('hypervolumeContributions', () => {
  const p3 = sphere(1000, 3);
  bench('3-D, n = 1000 (all contributions)', () => {
    hypervolumeContributions(p3, 3, refOf(3));
  });
  const p2 = sphere(10_000, 2);
  bench('2-D, n = 10000 (all contributions)', () => {
    hypervolumeContributions(p2, 2, refOf(2));
  });
});
