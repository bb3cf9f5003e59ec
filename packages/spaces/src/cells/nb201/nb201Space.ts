import { CategoricalHyperparameter } from '../../hyperparameters/CategoricalHyperparameter';
import { ConfigurationSpace } from '../../space/ConfigurationSpace';

/** The NAS-Bench-201 operations, in the order of their official codes 0..4. */
export const NB201_OPS = ['none', 'skip_connect', 'nor_conv_1x1', 'nor_conv_3x3', 'avg_pool_3x3'] as const;

export type Nb201Op = (typeof NB201_OPS)[number];

/** The cell's edges (from node, to node) in the order of the official architecture string. */
export const NB201_EDGES = [
  [0, 1],
  [0, 2],
  [1, 2],
  [0, 3],
  [1, 3],
  [2, 3],
] as const;

/** Parameter names of the edges: `op_<from>_<to>`, in {@link NB201_EDGES} order. */
export const NB201_EDGE_NAMES = ['op_0_1', 'op_0_2', 'op_1_2', 'op_0_3', 'op_1_3', 'op_2_3'] as const;

/**
 * The NAS-Bench-201 cell space: six categorical parameters `op_0_1, op_0_2, op_1_2, op_0_3, op_1_3,
 * op_2_3` (the operation on edge from -> to of the 4-node cell; node 0 is the input, node 3 the
 * output), each with the official operation names as choices in code order, so that the vector
 * encoding of a parameter is its official op code (0 = none ... 4 = avg_pool_3x3).
 * 5^6 = 15,625 configurations. Every default is `nor_conv_3x3` (a connected, well-performing cell).
 */
export function nb201Space(): ConfigurationSpace {
  return new ConfigurationSpace({
    name: 'nas-bench-201',
    parameters: NB201_EDGE_NAMES.map((name) => new CategoricalHyperparameter(name, NB201_OPS, { default: 'nor_conv_3x3', role: 'architecture' })),
  });
}
