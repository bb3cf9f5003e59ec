import { bench, describe } from 'vitest';
import { refOf, sphere } from '../testing/benchFixtures';
import { hypervolumeContributions } from './hypervolumeContributions';

describe('hypervolumeContributions', () => {
  for (const [n, d] of [
    [1000, 3],
    [100, 3],
    [100, 4],
    [10_000, 2],
  ] as const) {
    const p = sphere(n, d);
    bench(`${d}-D, n = ${n} (all contributions)`, () => {
      hypervolumeContributions(p, d, refOf(d));
    });
  }
});
