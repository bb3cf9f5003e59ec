import { createSyntheticBenchmark } from '@jahskit/benchmarks';
import { bench, describe } from 'vitest';
import { prefilled, step } from '../internal/multifidelity/multiFidelityBenchFixtures';
import { deDescriptor } from './deModule';

// ask(1) + tell of one trial after 1,000 told trials (hartmann6, one worker).
const benchmark = createSyntheticBenchmark({ instance: 'hartmann6', maxEpoch: 1, noise: 0, secondsPerEpoch: 1 });
const optimizer = await prefilled(deDescriptor, benchmark);

describe('de ask+tell at 1,000 observations', () => {
  bench('de', async () => {
    await step(optimizer, benchmark);
  });
});
