/**
 * How far a trial is from feasible: the sum of its constraints' positive values (0 when it satisfies
 * all). Single-objective optimizers rank feasible trials first, then infeasible ones by this number.
 */
export function totalViolation(constraints: readonly number[]): number {
  let total = 0;
  for (const c of constraints) if (c > 0) total += c;
  return total;
}
