import { validateOptions, type Observation, type Optimizer } from '@jahskit/core';
import { createSyntheticBenchmark } from '@jahskit/benchmarks';
import { bench, describe } from 'vitest';
import { tpeDescriptor } from './tpeModule';

const benchmark = createSyntheticBenchmark({ instance: 'hartmann6', maxEpoch: 1, noise: 0, secondsPerEpoch: 1 });
const evaluate = async (optimizer: Optimizer): Promise<void> => {
  const [trial] = optimizer.ask(1);
  const [result] = await benchmark.evaluate([{ config: trial!.config, fidelity: trial!.fidelity, seed: 0 }]);
  const observation: Observation = { trial: trial!, status: 'ok', values: [result!.metrics['y']!], metrics: {}, cost: result!.cost, constraints: [] };
  optimizer.tell([observation]);
};
const prefilled = async (options: unknown): Promise<Optimizer> => {
  const optimizer = tpeDescriptor.create(validateOptions(tpeDescriptor.options, options, 'tpe'), {
    space: benchmark.space,
    fidelitySpace: benchmark.fidelitySpace,
    objectives: benchmark.objectives,
    seed: 1,
  });
  for (let i = 0; i < 1000; i++) await evaluate(optimizer);
  return optimizer;
};

// Benchmarks: ask(1) + tell of one trial with ~1,000 observations (hartmann6, 6 parameters).
const univariate = await prefilled({});
const multivariate = await prefilled({ multivariate: true });

describe('tpe ask+tell at 1,000 observations', () => {
  bench('univariate Parzen (default)', async () => {
    await evaluate(univariate);
  });
  bench('multivariate KDE', async () => {
    await evaluate(multivariate);
  });
});
