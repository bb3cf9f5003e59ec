import { bench, describe } from 'vitest';
import { refOf, sphere, uniform } from '../testing/benchFixtures';
import { prepareEhvi } from './prepareEhvi';

// 1000 candidates per iteration: divide the reported time by 1000 for the per-candidate cost.
describe('EHVI against a 100-point front, 1000 candidates per iteration', () => {
  for (const d of [2, 3]) {
    const model = prepareEhvi(sphere(100, d), d, refOf(d));
    const c = 1000;
    const u = uniform(c, 2 * d);
    const mu = new Float64Array(c * d);
    const sigma = new Float64Array(c * d);
    for (let i = 0; i < c; i++) {
      for (let j = 0; j < d; j++) {
        mu[i * d + j] = 1.1 * u[i * 2 * d + j]!;
        sigma[i * d + j] = 0.02 + 0.2 * u[i * 2 * d + d + j]!;
      }
    }
    const out = new Float64Array(c);
    bench(`${d}-D exact`, () => {
      model.ehviBatch(mu, sigma, out);
    });
  }
});
