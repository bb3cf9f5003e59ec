import { bench, describe } from 'vitest';
import { refOf, sphere } from '../testing/benchFixtures';
import { hypervolumeContributions } from './hypervolumeContributions';

describe('hypervolumeContributions', () => {
  const p3 = sphere(1000, 3);
  bench('3-D, n = 1000 (all contributions)', () => {
    hypervolumeContributions(p3, 3, refOf(3));
  });
  const p3small = sphere(100, 3);
  bench('3-D, n = 100 (all contributions)', () => {
    hypervolumeContributions(p3small, 3, refOf(3));
  });
  const p4 = sphere(100, 4);
  bench('4-D, n = 100 (all contributions)', () => {
    hypervolumeContributions(p4, 4, refOf(4));
  });
  const p2 = sphere(10_000, 2);
  bench('2-D, n = 10000 (all contributions)', () => {
    hypervolumeContributions(p2, 2, refOf(2));
  });
});
