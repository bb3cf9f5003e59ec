/** Strict dominance for minimisation: `a` is better than `b` in every objective. O(d). */
export function strictlyDominates(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  for (let j = 0; j < a.length; j++) {
    if (!(a[j]! < b[j]!)) return false;
  }
  return true;
}
