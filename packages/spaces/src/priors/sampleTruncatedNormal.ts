import type { Rng } from '@jahskit/core';

const MAX_TRIES = 10_000;

/** One draw in [a, b] (a < b) by the rejection scheme for the upper tail, a >= 0. */
function upperTail(rng: Rng, a: number, b: number): number {
  const width = b - a;
  // Exponential proposal when the interval is wide for its position, uniform proposal otherwise
  // (Robert 1995, "Simulation of truncated normal variables"): both accept with high probability.
  const lambda = (a + Math.sqrt(a * a + 4)) / 2;
  const useExponential = width > (2 / (a + Math.sqrt(a * a + 4))) * Math.exp((a * a - a * Math.sqrt(a * a + 4)) / 4 + 0.5);
  for (let i = 0; i < MAX_TRIES; i++) {
    if (useExponential) {
      const z = a - Math.log(1 - rng.uniform()) / lambda;
      if (z > b) continue;
      if (rng.uniform() <= Math.exp(-0.5 * (z - lambda) * (z - lambda))) return z;
    } else {
      const z = a + width * rng.uniform();
      if (rng.uniform() <= Math.exp(0.5 * (a * a - z * z))) return z;
    }
  }
  return a;
}

/**
 * A standard normal draw restricted to [a, b] (a < b, either may be infinite), exact and deterministic
 * for a given stream: plain rejection when the interval holds the bulk, uniform proposals on narrow
 * intervals across 0, exponential or uniform proposals in a tail. No distribution function is needed,
 * so intervals far in the tails (a prior whose mean lies outside the bounds) cost no precision.
 */
export function sampleTruncatedNormal(rng: Rng, a: number, b: number): number {
  if (a >= 0) return upperTail(rng, a, b);
  if (b <= 0) return -upperTail(rng, -b, -a);
  if (b - a >= 2.5) {
    // Holds at least ~64% of the mass (the worst case is [-2.5 + e, e] with e small: ~49%).
    for (let i = 0; i < MAX_TRIES; i++) {
      const z = rng.normal();
      if (z >= a && z <= b) return z;
    }
    return 0;
  }
  for (let i = 0; i < MAX_TRIES; i++) {
    const z = a + (b - a) * rng.uniform();
    if (rng.uniform() <= Math.exp(-0.5 * z * z)) return z;
  }
  return 0;
}
