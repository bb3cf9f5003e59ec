import type { Benchmark, OptimizerDescriptor } from '@jahskit/core';
import { expectGoldenTrace } from '@jahskit/core/testing';
import { makeOptimizer } from './makeOptimizer';

/**
 * A plugin's golden trace: `evaluations` evaluations of `benchmark` with seed 1, compared with
 * `__golden__/<id>.json` beside the test file whose `import.meta.url` is `testUrl`.
 */
export async function expectPluginGoldenTrace(
  descriptor: OptimizerDescriptor,
  benchmark: Benchmark,
  options: unknown,
  testUrl: string,
  evaluations = 30,
): Promise<void> {
  const file = new URL(`./__golden__/${descriptor.id}.json`, testUrl).pathname;
  await expectGoldenTrace({ benchmark, optimizer: makeOptimizer(descriptor, benchmark, 1, options), seed: 1, evaluations, file });
}
