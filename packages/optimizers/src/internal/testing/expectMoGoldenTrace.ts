import type { OptimizerDescriptor } from '@jahskit/core';
import { expectGoldenTrace } from '@jahskit/core/testing';
import { makeOptimizer, syntheticMo } from '../mo/moFixtures';

/**
 * The golden trace every multi-objective optimizer pins: 30 evaluations of ZDT1 (27 epochs) with seed 1,
 * compared with `__golden__/<id>.json` beside the test file whose `import.meta.url` is `testUrl`.
 */
export async function expectMoGoldenTrace(descriptor: OptimizerDescriptor, options: unknown, testUrl: string): Promise<void> {
  const benchmark = await syntheticMo('zdt1')();
  const file = new URL(`./__golden__/${descriptor.id}.json`, testUrl).pathname;
  await expectGoldenTrace({ benchmark, optimizer: makeOptimizer(descriptor, benchmark, 1, options), seed: 1, evaluations: 30, file });
}
