import type { Benchmark, OptimizerDescriptor } from '@jahskit/core';
import { expectGoldenTrace } from '@jahskit/core/testing';
import { makeOptimizer } from './makeOptimizer';

/**
 * A plugin's golden trace: `evaluations` (default 30) evaluations of `benchmark` with seed 1 on
 * `workers` (default 1) simulated workers, compared with `__golden__/<id>.json` beside the test file
 * whose `import.meta.url` is `testUrl`.
 */
export async function expectPluginGoldenTrace(
  descriptor: OptimizerDescriptor,
  benchmark: Benchmark,
  options: unknown,
  testUrl: string,
  run: { readonly evaluations?: number; readonly workers?: number } = {},
): Promise<void> {
  const file = new URL(`./__golden__/${descriptor.id}.json`, testUrl).pathname;
  const optimizer = makeOptimizer(descriptor, benchmark, 1, options);
  await expectGoldenTrace({
    benchmark,
    optimizer,
    seed: 1,
    evaluations: run.evaluations ?? 30,
    ...(run.workers !== undefined ? { workers: run.workers } : {}),
    file,
  });
}
