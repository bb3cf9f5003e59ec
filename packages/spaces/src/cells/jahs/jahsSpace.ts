import { CategoricalHyperparameter } from '../../hyperparameters/CategoricalHyperparameter';
import { ConstantHyperparameter } from '../../hyperparameters/ConstantHyperparameter';
import { FloatHyperparameter } from '../../hyperparameters/FloatHyperparameter';
import { IntegerHyperparameter } from '../../hyperparameters/IntegerHyperparameter';
import { OrdinalHyperparameter } from '../../hyperparameters/OrdinalHyperparameter';
import { ConfigurationSpace } from '../../space/ConfigurationSpace';

/**
 * The JAHS-Bench-201 surrogate's own op coding (its `Op1..Op6` values are these integer codes):
 * 0 skip_connect (NASLib Identity), 1 none (Zero), 2 nor_conv_3x3, 3 nor_conv_1x1, 4 avg_pool_3x3.
 */
export const JAHS_OPS = ['skip_connect', 'none', 'nor_conv_3x3', 'nor_conv_1x1', 'avg_pool_3x3'] as const;

/** Op parameter names; OpK is the edge `JAHS_EDGES[K-1]` of the cell (nodes numbered 1..4). */
export const JAHS_OP_NAMES = ['Op1', 'Op2', 'Op3', 'Op4', 'Op5', 'Op6'] as const;

/** Edges (from node, to node) of Op1..Op6, nodes numbered 1 (input) .. 4 (output), from search_space.json. */
export const JAHS_EDGES = [
  [1, 2],
  [1, 3],
  [1, 4],
  [2, 3],
  [2, 4],
  [3, 4],
] as const;

/** The fidelity parameters of the surrogate. */
export const JAHS_FIDELITIES = ['N', 'W', 'Resolution', 'epoch'] as const;

/**
 * The JAHS-Bench-201 configuration space, exactly as the surrogate's `search_space.json`: Op1..Op6
 * (categorical over the integer codes 0..4, see {@link JAHS_OPS}, default 0), Activation (ReLU,
 * Hardswish, Mish; default ReLU), LearningRate (log float 1e-3..1, default 0.1), WeightDecay (log
 * float 1e-5..1e-2, default 5e-4), TrivialAugment (categorical true/false, default false) and
 * Optimizer (the constant "SGD": the surrogate saw nothing else). Fidelities are separate: {@link jahsFidelitySpace}.
 */
export function jahsSpace(): ConfigurationSpace {
  return new ConfigurationSpace({
    name: 'jahs-bench-201',
    parameters: [
      ...JAHS_OP_NAMES.map((name) => new CategoricalHyperparameter(name, [0, 1, 2, 3, 4], { default: 0, role: 'architecture' })),
      new CategoricalHyperparameter('Activation', ['ReLU', 'Hardswish', 'Mish'], { default: 'ReLU', role: 'hyperparameter' }),
      new FloatHyperparameter('LearningRate', 1e-3, 1, { log: true, default: 0.1, role: 'hyperparameter' }),
      new FloatHyperparameter('WeightDecay', 1e-5, 1e-2, { log: true, default: 5e-4, role: 'hyperparameter' }),
      new CategoricalHyperparameter('TrivialAugment', [true, false], { default: false, role: 'hyperparameter' }),
      new ConstantHyperparameter('Optimizer', 'SGD', { role: 'hyperparameter' }),
    ],
  });
}

/**
 * The JAHS-Bench-201 fidelity space: N (cells per stage, ordinal 1, 3, 5), W (width, ordinal 4, 8,
 * 16), Resolution (ordinal 0.25, 0.5, 1.0) and epoch (integer 1..200). Every default is the highest
 * value (N 5, W 16, Resolution 1.0, epoch 200), i.e. full training, as the benchmark contract asks of
 * a fidelity space; search_space.json's own defaults for N and W (1 and 4) are the cheapest network.
 */
export function jahsFidelitySpace(): ConfigurationSpace {
  return new ConfigurationSpace({
    name: 'jahs-bench-201-fidelity',
    parameters: [
      new OrdinalHyperparameter('N', [1, 3, 5], { default: 5 }),
      new OrdinalHyperparameter('W', [4, 8, 16], { default: 16 }),
      new OrdinalHyperparameter('Resolution', [0.25, 0.5, 1.0], { default: 1.0 }),
      new IntegerHyperparameter('epoch', 1, 200, { default: 200 }),
    ],
  });
}
