/**
 * Deb's feasibility rules on scalarised values: each infeasible entry becomes the worst feasible value
 * (the worst of all when none is feasible) plus 0.5 plus half its violation divided by the largest: a
 * step of 0.5 to 1, about the range of the scalarised values of normalised objectives. So every
 * infeasible result ranks after every feasible one, by violation, and the GP sees how far from
 * feasible a region is, not an arbitrary large constant that would swamp its fit.
 */
export function penaliseInfeasible(f: Float64Array, violations: ArrayLike<number>): void {
  let worst = Number.NEGATIVE_INFINITY;
  let worstAny = Number.NEGATIVE_INFINITY;
  let most = 0;
  for (let i = 0; i < f.length; i++) {
    const v = violations[i] as number;
    worstAny = Math.max(worstAny, f[i] as number);
    if (v > 0) most = Math.max(most, v);
    else worst = Math.max(worst, f[i] as number);
  }
  const base = Number.isFinite(worst) ? worst : worstAny;
  for (let i = 0; i < f.length; i++) {
    const v = violations[i] as number;
    if (v > 0) f[i] = base + 0.5 + (0.5 * v) / most;
  }
}
