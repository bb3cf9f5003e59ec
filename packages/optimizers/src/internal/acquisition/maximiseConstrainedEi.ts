import { constrainedScore } from './constrainedScore';
import { expectedImprovement } from './expectedImprovement';

/** The GP's prediction for a pool of candidates, and what the acquisition is measured against. */
export interface EiInputs {
  readonly mean: Float64Array;
  readonly variance: Float64Array;
  readonly count: number;
  /** The best feasible value so far (Infinity while no result is feasible). */
  readonly best: number;
  /** The model's scale of the values: EI is computed in standardised units, so `xi` is relative to their spread. */
  readonly scale: number;
  readonly xi: number;
  /** Each candidate's probability of feasibility, with constraints. */
  readonly feasible?: Float64Array | undefined;
  /** A factor per candidate on its score (the cost weighting of `cabo`). */
  readonly weight?: ((c: number) => number) | undefined;
}

/**
 * The candidate with the highest constrained expected improvement (EI times the probability of
 * feasibility, or that probability alone while nothing is feasible; see {@link constrainedScore}),
 * times its weight; the first of equals. Undefined when no candidate scores above -Infinity.
 */
export function maximiseConstrainedEi(inputs: EiInputs): { readonly at: number; readonly ei: number } | undefined {
  const { mean, variance, best, scale, xi, feasible, weight } = inputs;
  let at = -1;
  let top = -Infinity;
  let topEi = 0;
  for (let c = 0; c < inputs.count; c++) {
    const ei = best === Infinity ? 0 : expectedImprovement(((mean[c] as number) - best) / scale, (variance[c] as number) / (scale * scale), 0, xi);
    const gain = feasible === undefined ? ei : constrainedScore(ei, feasible[c] as number, best !== Infinity);
    const score = weight === undefined ? gain : gain * weight(c);
    if (score > top) {
      top = score;
      at = c;
      topEi = ei;
    }
  }
  return at < 0 ? undefined : { at, ei: topEi };
}
