import type { Rng } from '@jahskit/core';

/**
 * The random stream of trial `id`, the one labelling rule of every optimizer here: `(seed, 'trial',
 * id)`. What a trial draws then depends on nothing but the seed and its id: not on how many trials
 * were asked before, in which batches, nor on the order of results.
 */
export function trialStream(root: Rng, id: number): Rng {
  return root.stream('trial', id);
}
