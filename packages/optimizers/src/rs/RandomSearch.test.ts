import { simulate } from '@jahskit/core';
import { expectGoldenTrace } from '@jahskit/core/testing';
import { createNb201Benchmark, createSyntheticBenchmark, loadNb201Table } from '@jahskit/benchmarks';
import { describe, expect, test } from 'vitest';
import { RandomSearch } from './RandomSearch';

describe('random search', () => {
  test('the same seed evaluates the same configurations with 1, 4 and 16 workers (NB201)', async () => {
    const benchmark = createNb201Benchmark(await loadNb201Table(), { instance: 'cifar10', objectives: ['valid_error'], noise: 'seed' });
    const context = { space: benchmark.space, fidelitySpace: benchmark.fidelitySpace, objectives: benchmark.objectives, seed: 5 };
    const evaluated = async (workers: number) => {
      const run = await simulate({ benchmark, optimizer: new RandomSearch(context), seed: 5, workers, budget: { evaluations: 64 } });
      return run.records.map((r) => JSON.stringify([r.trial.id, r.trial.config, r.objectives])).sort();
    };
    const one = await evaluated(1);
    expect(one).toHaveLength(64);
    expect(await evaluated(4)).toEqual(one);
    expect(await evaluated(16)).toEqual(one);
  });

  test('golden trace', async () => {
    const benchmark = createSyntheticBenchmark({ instance: 'branin', maxEpoch: 27, noise: 0, secondsPerEpoch: 1 });
    const context = { space: benchmark.space, fidelitySpace: benchmark.fidelitySpace, objectives: benchmark.objectives, seed: 1 };
    await expectGoldenTrace({ benchmark, optimizer: new RandomSearch(context), seed: 1, evaluations: 20, file: new URL('./__golden__/rs.json', import.meta.url).pathname });
  });

  test('restoring another optimizer\'s state is a typed error', () => {
    const benchmark = createSyntheticBenchmark({ instance: 'branin', maxEpoch: 1, noise: 0, secondsPerEpoch: 1 });
    const rs = new RandomSearch({ space: benchmark.space, fidelitySpace: benchmark.fidelitySpace, objectives: benchmark.objectives, seed: 1 });
    expect(() => rs.restore({ kind: 're', next: 3 })).toThrow(/expected a state saved by optimizer "rs"/);
  });
});
