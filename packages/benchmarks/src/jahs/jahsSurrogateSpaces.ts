import type { Configuration } from '@jahskit/core';
import { categorical, ConfigurationSpace, constant, float, integer, ordinal } from '@jahskit/spaces';

/** The cell edges, in the surrogate's column order. */
export const JAHS_OPS = ['Op1', 'Op2', 'Op3', 'Op4', 'Op5', 'Op6'] as const;

/**
 * The surrogate's own operation codes (JAHS-Bench-201's naslib order), which differ from NAS-Bench-201's
 * op indices: 0 skip_connect, 1 none, 2 nor_conv_3x3, 3 nor_conv_1x1, 4 avg_pool_3x3.
 */
export const JAHS_OP_NAMES = ['skip_connect', 'none', 'nor_conv_3x3', 'nor_conv_1x1', 'avg_pool_3x3'] as const;

/**
 * The joint space of JAHS-Bench-201 as this surrogate was trained on it (data/jahs/search_space.json):
 * the NB201 cell as Op1..Op6 with integer op codes, Activation, LearningRate and WeightDecay on log
 * scales, TrivialAugment, and the Optimizer, which the surrogate only saw as SGD.
 */
export function jahsSurrogateSpace(): ConfigurationSpace {
  return new ConfigurationSpace({
    name: 'jahs-bench-201',
    parameters: [
      ...JAHS_OPS.map((name) => categorical(name, [0, 1, 2, 3, 4], { default: 0 })),
      categorical('Activation', ['ReLU', 'Hardswish', 'Mish'], { default: 'ReLU' }),
      float('LearningRate', 1e-3, 1, { log: true, default: 0.1 }),
      float('WeightDecay', 1e-5, 1e-2, { log: true, default: 5e-4 }),
      categorical('TrivialAugment', [true, false], { default: false }),
      constant('Optimizer', 'SGD'),
    ],
  });
}

/** The fidelities N, W, Resolution and epoch; defaults are the highest values (full training). */
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

/** NAS-only: the hyperparameters fixed at the space's defaults (NAS-Bench-201's training protocol). */
export const JAHS_NAS_FIXED: Configuration = { Activation: 'ReLU', LearningRate: 0.1, WeightDecay: 5e-4, TrivialAugment: false };

/** HPO-only: the architecture fixed to the all-nor_conv_3x3 cell (code 2 on every edge). */
export const JAHS_HPO_FIXED: Configuration = { Op1: 2, Op2: 2, Op3: 2, Op4: 2, Op5: 2, Op6: 2 };
