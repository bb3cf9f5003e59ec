import { Rng, type EvaluationRequest } from '@jahskit/core';
import { bench, describe } from 'vitest';
import { createNashpobench2Benchmark } from './createNashpobench2Benchmark';
import { NASHPOBENCH2_FIXTURE_DIR } from './nashpobench2Fixtures';
import { readNashpobench2Pickles } from './readNashpobench2Pickles';

const BATCH = 10_000;
const table = await readNashpobench2Pickles(NASHPOBENCH2_FIXTURE_DIR);
const benchmark = createNashpobench2Benchmark(table, { noise: 'mean' });
const rng = Rng.seeded(0);
const epochs = [1, 4, 12, 200];
const requests: EvaluationRequest[] = Array.from({ length: BATCH }, (_, i) => ({
  config: benchmark.space.sample(rng.stream('config', i)),
  fidelity: { epoch: epochs[i % 4]! },
  seed: i,
}));

// One iteration = one batch of 10,000 evaluations (fixture table: the lookup path is the real one).
describe('nashpobench2 evaluate, batches of 10,000', () => {
  bench('noise mean', async () => {
    await benchmark.evaluate(requests);
  });
});
