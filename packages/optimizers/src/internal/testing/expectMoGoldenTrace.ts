import type { OptimizerDescriptor } from '@jahskit/core';
import { syntheticMo } from '../mo/moFixtures';
import { expectPluginGoldenTrace } from './expectPluginGoldenTrace';

/** The golden trace every multi-objective optimizer pins ({@link expectPluginGoldenTrace}), on ZDT1 with 27 epochs. */
export async function expectMoGoldenTrace(descriptor: OptimizerDescriptor, options: unknown, testUrl: string): Promise<void> {
  await expectPluginGoldenTrace(descriptor, await syntheticMo('zdt1')(), options, testUrl);
}
