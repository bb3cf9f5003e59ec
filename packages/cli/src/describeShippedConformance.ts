import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRegistry } from '@jahskit/core';
import { describeRegistryConformance } from '@jahskit/core/testing';
import { createSyntheticBenchmark } from '@jahskit/benchmarks';
import { categorical, ConfigurationSpace, equalsCondition, float, integer, ordinal } from '@jahskit/spaces';
import { defaultModules } from './defaultModules';

/**
 * The spaces beside the benchmarks' numeric ones that every optimizer runs over once, with its
 * default options: all-categorical (a cell with NAS-Bench-201's operations, which size-aware optimizers
 * such as bulkcut recognise), conditional (parameters active under a choice, one
 * nested), and mixed (every parameter type, log scales, a condition).
 */
const spaces = {
  categorical: () =>
    new ConfigurationSpace({
      name: 'kit-categorical',
      parameters: ['e1', 'e2', 'e3', 'e4'].map((e) => categorical(e, ['none', 'skip_connect', 'nor_conv_1x1', 'nor_conv_3x3', 'avg_pool_3x3'])),
    }),
  conditional: () =>
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
  mixed: () =>
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

/**
 * The conformance kit over every plugin the CLI ships: registering a module in defaultModules() is
 * enough for it to be tested. The optimizers are spread over the slices `conformance*.test.ts` (the
 * spaces and benchmarks go with slice 0), so that the test runner runs them in parallel.
 */
export function describeShippedConformance(slice: { readonly index: number; readonly of: number }): void {
  const registry = createRegistry(defaultModules());
  describeRegistryConformance(registry, {
    spaces,
    slice,
    benchmarkFor: (descriptor) => {
      const instance = descriptor.capabilities.objectives === 'multi' ? 'zdt1' : 'branin';
      return async () => createSyntheticBenchmark({ instance, maxEpoch: 27, noise: 0, secondsPerEpoch: 1 });
    },
    benchmarkOptions: {
      synthetic: [{}, { instance: 'hartmann6' }, { instance: 'dtlz2-3', noise: 0.1 }],
      // The generic ONNX surrogate, on the folder that nb301 itself is built from.
      // NAS-HPO-Bench-II on fixture pickles in the official shapes (the real files are a separate download).
      nashpobench2: [
        {
          dataDir: fileURLToPath(new URL('../../benchmarks/src/nashpobench2/fixtures', import.meta.url)),
          cacheDir: mkdtempSync(join(tmpdir(), 'jahskit-nhb2-')),
        },
      ],
      'onnx-surrogate': [{ dir: fileURLToPath(new URL('../../benchmarks/data/nb301', import.meta.url)) }],
    },
  });
}
