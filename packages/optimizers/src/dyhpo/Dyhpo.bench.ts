import { createSyntheticBenchmark } from '@jahskit/benchmarks';
import { bench, describe } from 'vitest';
import { prefilled, step } from '../internal/multifidelity/multiFidelityBenchFixtures';
import { dyhpoDescriptor } from './dyhpoModule';

// ask(1) + tell of one trial after 1,000 told trials (hartmann6, epoch 1..27, one worker): the
// capped training set and the refit schedule keep this flat however long the run.
const benchmark = createSyntheticBenchmark({ instance: 'hartmann6', maxEpoch: 27, noise: 0, secondsPerEpoch: 1 });
const optimizer = await prefilled(dyhpoDescriptor, benchmark);

describe('dyhpo ask+tell at 1,000 observations', () => {
  bench('dyhpo', async () => {
    await step(optimizer, benchmark);
  });
});
