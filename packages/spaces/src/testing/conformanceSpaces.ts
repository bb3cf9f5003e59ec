import { equalsCondition } from '../conditions/equalsCondition';
import { categorical } from '../hyperparameters/CategoricalHyperparameter';
import { float } from '../hyperparameters/FloatHyperparameter';
import { integer } from '../hyperparameters/IntegerHyperparameter';
import { ordinal } from '../hyperparameters/OrdinalHyperparameter';
import { ConfigurationSpace } from '../space/ConfigurationSpace';

/**
 * The spaces beside the benchmarks' numeric ones that the optimizer conformance kit runs every shipped
 * optimizer over (`spaces` of `describeRegistryConformance`), and that optimizer tests reuse when they
 * need a space of that kind: all-categorical (a cell with NAS-Bench-201's operations, which size-aware
 * optimizers such as bulkcut recognise), conditional (parameters active under a choice, one nested),
 * and mixed (every parameter type, log scales, a condition).
 */
export const conformanceSpaces = {
  categorical: (): ConfigurationSpace =>
    new ConfigurationSpace({
      name: 'kit-categorical',
      parameters: ['e1', 'e2', 'e3', 'e4'].map((e) => categorical(e, ['none', 'skip_connect', 'nor_conv_1x1', 'nor_conv_3x3', 'avg_pool_3x3'])),
    }),
  conditional: (): ConfigurationSpace =>
    new ConfigurationSpace({
      name: 'kit-conditional',
      parameters: [
        categorical('model', ['linear', 'tree', 'net']),
        float('alpha', 1e-4, 1, { log: true }),
        integer('depth', 1, 12),
        categorical('act', ['relu', 'tanh']),
        integer('width', 8, 256, { log: true }),
      ],
      conditions: [
        equalsCondition('alpha', 'model', 'linear'),
        equalsCondition('depth', 'model', 'tree'),
        equalsCondition('act', 'model', 'net'),
        equalsCondition('width', 'act', 'relu'),
      ],
    }),
  mixed: (): ConfigurationSpace =>
    new ConfigurationSpace({
      name: 'kit-mixed',
      parameters: [
        categorical('op', ['conv', 'pool', 'skip']),
        float('lr', 1e-4, 1, { log: true }),
        integer('layers', 1, 9),
        ordinal('width', [16, 32, 64, 128]),
        float('dropout', 0, 0.5),
      ],
      conditions: [equalsCondition('dropout', 'op', 'conv')],
    }),
};
