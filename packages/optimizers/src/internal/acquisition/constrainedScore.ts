/**
 * Constrained expected improvement (Gardner et al. 2014): EI over the best feasible value times the
 * probability of feasibility; while no trial is feasible there is no incumbent to improve on, so the
 * search first looks for the feasible region: the probability alone.
 */
export function constrainedScore(ei: number, feasibility: number, anyFeasible: boolean): number {
  return anyFeasible ? ei * feasibility : feasibility;
}
