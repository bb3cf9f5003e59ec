import { createSyntheticBenchmark } from '@jahskit/benchmarks';
import { bench, describe } from 'vitest';
import { prefilled, step } from '../internal/multifidelity/multiFidelityBenchFixtures';
import { ashaDescriptor } from './ashaModule';

// ask(1) + tell of one trial after 1,000 told trials (hartmann6, epoch 1..27, one worker).
const benchmark = createSyntheticBenchmark({ instance: 'hartmann6', maxEpoch: 27, noise: 0, secondsPerEpoch: 1 });
const optimizer = await prefilled(ashaDescriptor, benchmark);

describe('asha ask+tell at 1,000 observations', () => {
  bench('asha', async () => {
    await step(optimizer, benchmark);
  });
});
