import { bench, describe } from 'vitest';
import { hypervolumeSphereCases, refOf, sphere } from '../testing/benchFixtures';
import { hypervolume } from './hypervolume';

// Non-dominated fronts on the unit sphere are the hard case for every exact method.
describe('hypervolume (sphere fronts)', () => {
  for (const [n, d] of hypervolumeSphereCases) {
    const p = sphere(n, d);
    const ref = refOf(d);
    bench(`${d}-D, n = ${n}`, () => {
      hypervolume(p, d, ref);
    });
  }
});
