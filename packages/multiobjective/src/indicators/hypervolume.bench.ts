import { bench, describe } from 'vitest';
import { refOf, sphere } from '../testing/benchFixtures';
import { hypervolume } from './hypervolume';

// Non-dominated fronts on the unit sphere are the hard case for every exact method.
describe('hypervolume (sphere fronts)', () => {
  for (const [n, d] of [
    [10_000, 2],
    [100_000, 2],
    [1_000, 3],
    [100_000, 3],
    [1_000, 4],
    [500, 5],
  ] as const) {
    const p = sphere(n, d);
    const ref = refOf(d);
    bench(`${d}-D, n = ${n}`, () => {
      hypervolume(p, d, ref);
    });
  }
});
