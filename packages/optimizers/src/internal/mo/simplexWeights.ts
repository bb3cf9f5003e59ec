/**
 * All weight vectors of a simplex lattice: d non-negative components, multiples of 1/s, summing to 1
 * (ParEGO's set: s = 10 gives 11 vectors for two objectives, s = 4 gives 15 for three).
 */
export function simplexLattice(d: number, s: number): number[][] {
  const out: number[][] = [];
  const walk = (prefix: number[], left: number): void => {
    if (prefix.length === d - 1) {
      out.push([...prefix, left].map((k) => k / s));
      return;
    }
    for (let k = 0; k <= left; k++) walk([...prefix, k], left - k);
  };
  walk([], s);
  return out;
}
