import { validateOptions, type Optimizer, type SearchSpace, type Trial } from '@jahskit/core';
import { ConfigurationSpace, float } from '@jahskit/spaces';
import { createSyntheticBenchmark } from '@jahskit/benchmarks';
import { bench, describe } from 'vitest';
import { motpeDescriptor } from './motpeModule';

// ask(1) + tell of one trial at ~1,000 observations: on 6 floats (as the TPE bench) and on ZDT1's 30.
const zdt1 = createSyntheticBenchmark({ instance: 'zdt1', maxEpoch: 1, noise: 0, secondsPerEpoch: 1 });
const six = new ConfigurationSpace({ name: 'six', parameters: ['x1', 'x2', 'x3', 'x4', 'x5', 'x6'].map((n) => float(n, 0, 1)) });
let t = 0;
const step = (optimizer: Optimizer): void => {
  const [trial] = optimizer.ask(1) as Trial[];
  const x = trial!.config['x1'] as number;
  t++;
  optimizer.tell([{ trial: trial!, status: 'ok', values: [x, 1 - Math.sqrt(x) + ((t * 7919) % 1000) / 1000], metrics: {}, cost: 1, constraints: [] }]);
};
const prefilled = (space: SearchSpace): Optimizer => {
  const context = { space, fidelitySpace: zdt1.fidelitySpace, objectives: zdt1.objectives, seed: 1 };
  // 1,000 results through the cheap start-up path, then the state moves to a default MOTPE.
  const filler = motpeDescriptor.create(validateOptions(motpeDescriptor.options, { startupTrials: 5000 }, 'motpe'), context);
  for (let i = 0; i < 1000; i++) step(filler);
  const optimizer = motpeDescriptor.create(validateOptions(motpeDescriptor.options, {}, 'motpe'), context);
  optimizer.restore(filler.state());
  return optimizer;
};
const small = prefilled(six);
const large = prefilled(zdt1.space);

describe('motpe ask+tell at 1,000 observations (target: <= 5 ms per trial)', () => {
  bench('6 floats', () => step(small), { iterations: 100 });
  bench('30 floats (ZDT1)', () => step(large), { iterations: 50 });
});
