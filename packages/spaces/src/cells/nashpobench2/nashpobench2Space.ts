import { CategoricalHyperparameter } from '../../hyperparameters/CategoricalHyperparameter';
import { OrdinalHyperparameter } from '../../hyperparameters/OrdinalHyperparameter';
import { ConfigurationSpace } from '../../space/ConfigurationSpace';

/** NAS-HPO-Bench-II's own operation coding: digit d of a cellcode is `NASHPOBENCH2_OPS[d]`. */
export const NASHPOBENCH2_OPS = ['nor_conv_3x3', 'avg_pool_3x3', 'skip_connect', 'none'] as const;

/** Edge parameters in cellcode digit order ("A|BC|DEF": 0->1 | 0->2, 1->2 | 0->3, 1->3, 2->3), as in NB201. */
export const NASHPOBENCH2_EDGE_NAMES = ['op_0_1', 'op_0_2', 'op_1_2', 'op_0_3', 'op_1_3', 'op_2_3'] as const;

/** Learning rates, ascending (the API's sorted order). */
export const NASHPOBENCH2_LRS = [0.003125, 0.00625, 0.0125, 0.025, 0.05, 0.1, 0.2, 0.4] as const;

/** Batch sizes, ascending. */
export const NASHPOBENCH2_BATCH_SIZES = [16, 32, 64, 128, 256, 512] as const;

/**
 * The NAS-HPO-Bench-II space: six categorical edge parameters `op_0_1 .. op_2_3` whose values
 * are the benchmark's digit codes 0..3 (0 = nor_conv_3x3, 1 = avg_pool_3x3, 2 = skip_connect,
 * 3 = none), plus the ordinals `lr` (8 values) and `batch_size` (6 values): 4^6 x 48 = 196,608
 * configurations. Defaults: all nor_conv_3x3, lr 0.1, batch_size 256.
 */
export function nashpobench2Space(): ConfigurationSpace {
  return new ConfigurationSpace({
    name: 'nas-hpo-bench-ii',
    parameters: [
      ...NASHPOBENCH2_EDGE_NAMES.map((name) => new CategoricalHyperparameter(name, [0, 1, 2, 3], { default: 0, role: 'architecture' })),
      new OrdinalHyperparameter('lr', NASHPOBENCH2_LRS, { default: 0.1, role: 'hyperparameter' }),
      new OrdinalHyperparameter('batch_size', NASHPOBENCH2_BATCH_SIZES, { default: 256, role: 'hyperparameter' }),
    ],
  });
}
