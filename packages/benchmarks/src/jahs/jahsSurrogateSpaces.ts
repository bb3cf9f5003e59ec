import { ConfigurationSpace, integer, JAHS_OP_NAMES, ordinal } from '@jahskit/spaces';

/** The cell edges Op1..Op6, in the surrogate's column order (re-exported for the encoders). */
export const JAHS_OPS = JAHS_OP_NAMES;

/**
 * The fidelities N, W, Resolution and epoch with the highest values as defaults (full training), as
 * the benchmark contract asks; `jahsFidelitySpace()` of @jahskit/spaces keeps search_space.json's
 * defaults (N 1, W 4), which are the cheapest network, not full fidelity.
 */
export function jahsSurrogateFidelitySpace(): ConfigurationSpace {
  return new ConfigurationSpace({
    name: 'jahs-bench-201-fidelity',
    parameters: [
      ordinal('N', [1, 3, 5], { default: 5 }),
      ordinal('W', [4, 8, 16], { default: 16 }),
      ordinal('Resolution', [0.25, 0.5, 1.0], { default: 1.0 }),
      integer('epoch', 1, 200, { default: 200 }),
    ],
  });
}
