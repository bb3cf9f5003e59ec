import { optimizerContextFor, validateOptions, type Benchmark, type Optimizer, type OptimizerDescriptor } from '@jahskit/core';

/** The plugin's optimizer for a benchmark, as a study makes it: options validated, the benchmark's context with `seed`. */
export function makeOptimizer(descriptor: OptimizerDescriptor, benchmark: Benchmark, seed: number, options: unknown = {}): Optimizer {
  return descriptor.create(validateOptions(descriptor.options, options, descriptor.id), optimizerContextFor(benchmark, seed));
}
