import type { Configuration, Rng, SearchSpace } from '@jahskit/core';

/**
 * Decodes an encoded vector whose active entries may be NaN (a parameter that an operator's change
 * activated): such entries are filled from a fresh prior draw, and the space's decoder drops the
 * entries of parameters that end up inactive. Undefined when the result is illegal (a forbidden
 * clause). O(d): this is what keeps the evolutionary operators at a few microseconds.
 */
export function decodeRepaired(space: SearchSpace, vector: Float64Array, rng: Rng): Configuration | undefined {
  try {
    return space.decode(vector);
  } catch {
    // Either a newly active parameter (NaN entry) or a forbidden combination: fill and retry once.
  }
  let filled = false;
  const fresh = space.encode(space.sample(rng));
  for (let j = 0; j < vector.length; j++) {
    if (Number.isNaN(vector[j] as number) && !Number.isNaN(fresh[j] as number)) {
      vector[j] = fresh[j] as number;
      filled = true;
    }
  }
  if (!filled) return undefined;
  try {
    return space.decode(vector);
  } catch {
    return undefined;
  }
}
