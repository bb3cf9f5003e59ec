/** Weak dominance for minimisation: `a` is no worse than `b` in every objective (equal points weakly dominate each other). O(d). */
export function weaklyDominates(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  for (let j = 0; j < a.length; j++) {
    if (!(a[j]! <= b[j]!)) return false;
  }
  return true;
}
