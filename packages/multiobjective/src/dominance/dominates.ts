/**
 * Pareto dominance for minimisation: `a` is no worse than `b` in every objective and strictly
 * better in at least one. Equal points do not dominate each other. O(d).
 */
export function dominates(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  let better = false;
  for (let j = 0; j < a.length; j++) {
    const x = a[j]!;
    const y = b[j]!;
    if (x > y || x !== x || y !== y) return false;
    if (x < y) better = true;
  }
  return better;
}
