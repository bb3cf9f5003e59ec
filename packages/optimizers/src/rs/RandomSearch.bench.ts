import { Study } from '@jahskit/core';
import { createSyntheticBenchmark } from '@jahskit/benchmarks';
import { bench, describe } from 'vitest';
import { RandomSearch } from './RandomSearch';

const benchmark = createSyntheticBenchmark({ instance: 'hartmann6', maxEpoch: 1, noise: 0, secondsPerEpoch: 1 });
const context = { space: benchmark.space, fidelitySpace: benchmark.fidelitySpace, objectives: benchmark.objectives, seed: 1 };

describe('random search ask+tell overhead (target: <= 20 us per trial)', () => {
  // The Study is included: validation of each proposal and result is part of the overhead users pay.
  let study = new Study({ ...context, optimizer: new RandomSearch(context) });
  bench('1 trial: ask, tell (Hartmann-6 space, through Study)', () => {
    const [trial] = study.ask(1);
    study.tell({ trialId: trial!.id, objectives: [0.5] });
    if (study.records.length > 100_000) study = new Study({ ...context, optimizer: new RandomSearch(context) });
  });
});
