import { describeBenchmarkConformance } from '@jahskit/core/testing';
import { createNb201Benchmark } from './createNb201Benchmark';
import { loadNb201Table } from './Nb201Table';

for (const instance of ['cifar10', 'ImageNet16-120'] as const) {
  describeBenchmarkConformance({
    name: `nb201/${instance}`,
    benchmark: async () => createNb201Benchmark(await loadNb201Table(), { instance, objectives: ['valid_error', 'params_mb'], noise: 'seed' }),
  });
}
