/**
 * The cost exponent of cost-cooled expected improvement, EI(x) / c(x)^alpha (Lee, Eriksson,
 * Perrone & Seeger, "Cost-aware Bayesian optimization", 2020): alpha = (budget - spent) /
 * (budget - spentInitially), clamped to [0, 1]. It is 1 when the model takes over from the initial
 * design (cheap points are preferred while most of the budget is left) and falls to 0 as the budget
 * runs out, when the search is plain EI and may pay for expensive points near the optimum.
 * `spentInitially` is what the initial design cost; a budget already spent by then gives 0.
 */
export function coolingExponent(budget: number, spent: number, spentInitially: number): number {
  const span = budget - spentInitially;
  if (!(span > 0)) return 0;
  return Math.min(1, Math.max(0, (budget - spent) / span));
}
