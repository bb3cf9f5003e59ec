import type { EhviOptions } from './prepareEhvi';
import { prepareEhvi } from './prepareEhvi';

/**
 * One-off EHVI of a single candidate with independent Gaussian objectives N(mu_j, sigma_j^2)
 * against `front` (minimisation). Exact for d <= 3, seeded Monte Carlo for d >= 4. For many
 * candidates against the same front use prepareEhvi, which builds the box decomposition once.
 */
export function expectedHypervolumeImprovement(
  front: Float64Array,
  d: number,
  reference: ArrayLike<number>,
  mu: ArrayLike<number>,
  sigma: ArrayLike<number>,
  options: EhviOptions = {},
): number {
  return prepareEhvi(front, d, reference, options).ehvi(mu, sigma);
}
