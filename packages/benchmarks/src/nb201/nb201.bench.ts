import { Rng, type EvaluationRequest } from '@jahskit/core';
import { bench, describe } from 'vitest';
import { createNb201Benchmark } from './createNb201Benchmark';
import { loadNb201Table } from './Nb201Table';

const BATCH = 10_000;
const table = await loadNb201Table();
const benchmark = createNb201Benchmark(table, { instance: 'cifar10', objectives: ['valid_error'], noise: 'mean' });
const seeded = createNb201Benchmark(table, { instance: 'cifar10', objectives: ['valid_error', 'params_mb'], noise: 'seed' });
const rng = Rng.seeded(0);
const requests: EvaluationRequest[] = Array.from({ length: BATCH }, (_, i) => ({
  config: benchmark.space.sample(rng.stream('config', i)),
  fidelity: { epoch: i % 4 === 0 ? 12 : 200 },
  seed: i,
}));

// One iteration = one batch of 10,000 evaluations: evaluations per second = 10,000 x hz.
describe('nb201 evaluate, batches of 10,000', () => {
  bench('noise mean', async () => {
    await benchmark.evaluate(requests);
  });
  bench('noise seed', async () => {
    await seeded.evaluate(requests);
  });
});
