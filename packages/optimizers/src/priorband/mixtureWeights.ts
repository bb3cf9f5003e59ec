/** How PriorBand splits its draws among its three sources; the three sum to 1. */
export interface MixtureWeights {
  readonly uniform: number;
  readonly prior: number;
  readonly incumbent: number;
}

/**
 * PriorBand's ensemble weights (Mallik et al. 2023, section 5): for a bracket whose first rung is
 * ladder rung `rung` (0 the lowest fidelity), uniform draws get 1 / (1 + eta^rung) and the rest goes
 * to the prior, so the cheap rungs explore and the expensive ones trust the prior (geometric decay).
 * Once the incumbent is active, the prior's share is split between prior and incumbent in proportion
 * to how well each explains the best configurations found: `logScores` are log sum_i w_i pdf(x_i)
 * over the top configurations x_i, under the prior and under the incumbent's density.
 */
export function mixtureWeights(rung: number, eta: number, logScores?: { readonly prior: number; readonly incumbent: number }): MixtureWeights {
  const uniform = 1 / (1 + Math.pow(eta, rung));
  const rest = 1 - uniform;
  if (logScores === undefined) return { uniform, prior: rest, incumbent: 0 };
  const { prior, incumbent } = logScores;
  // The ratio S_inc / (S_prior + S_inc) from log scores, without overflow: densities of a dozen
  // parameters are easily e^50 apart. Both -Infinity (no support at all) splits evenly.
  const top = Math.max(prior, incumbent);
  const share = top === Number.NEGATIVE_INFINITY ? 0.5 : 1 / (1 + Math.exp(prior - incumbent));
  return { uniform, prior: rest * (1 - share), incumbent: rest * share };
}

/** log sum_i exp(terms_i), stable; -Infinity for no terms. */
export function logSumExp(terms: readonly number[]): number {
  let top = Number.NEGATIVE_INFINITY;
  for (const t of terms) top = Math.max(top, t);
  if (top === Number.NEGATIVE_INFINITY) return top;
  let sum = 0;
  for (const t of terms) sum += Math.exp(t - top);
  return top + Math.log(sum);
}
