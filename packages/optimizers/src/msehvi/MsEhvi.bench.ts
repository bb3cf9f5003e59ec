import { validateOptions, type Objective, type Optimizer, type OptimizerContext, type SearchSpace, type Trial } from '@jahskit/core';
import { ConfigurationSpace, nb201Space } from '@jahskit/spaces';
import { bench, describe } from 'vitest';
import { msehviDescriptor } from './msehviModule';

// ask(1) + tell at ~200 observations (default options: 200 random + 300 front-mutation candidates, GP on 200 points).
const fidelitySpace = new ConfigurationSpace({ name: 'none', parameters: [] });
const cost: Record<string, number> = { none: 0, skip_connect: 0, avg_pool_3x3: 0, nor_conv_1x1: 0.1, nor_conv_3x3: 0.9 };
const size = (config: Record<string, unknown>): number => Object.values(config).reduce<number>((s, op) => s + (cost[op as string] ?? 0), 0);
let t = 0;
const step = (optimizer: Optimizer): void => {
  const [trial] = optimizer.ask(1) as Trial[];
  t++;
  const s = size(trial!.config);
  optimizer.tell([{ trial: trial!, status: 'ok', values: [10 + 5 / (1 + s) + ((t * 7919) % 100) / 100, s], metrics: {}, cost: 1, constraints: [] }]);
};
const prefilled = (space: SearchSpace, objectives: Objective[], cheap: boolean): Optimizer => {
  const context: OptimizerContext = { space, fidelitySpace, objectives, seed: 1, ...(cheap ? { cheapObjectives: (c) => ({ params_mb: size(c) }) } : {}) };
  const filler = msehviDescriptor.create(validateOptions(msehviDescriptor.options, { startupTrials: 1000 }, 'msehvi'), context);
  for (let i = 0; i < 200; i++) step(filler);
  const optimizer = msehviDescriptor.create(validateOptions(msehviDescriptor.options, {}, 'msehvi'), context);
  optimizer.restore(filler.state());
  return optimizer;
};
const objectives: Objective[] = [
  { name: 'valid_error', direction: 'minimize', cheap: false },
  { name: 'params_mb', direction: 'minimize', cheap: true },
];
const nb201Cheap = prefilled(nb201Space(), objectives, true);
const nb201Modelled = prefilled(nb201Space(), objectives, false);

describe('msehvi ask+tell at 200 observations (target: <= 100 ms per trial)', () => {
  bench('NB201 cell space, params computed exactly (1 GP)', () => step(nb201Cheap), { iterations: 20 });
  bench('NB201 cell space, both objectives modelled (2 GPs)', () => step(nb201Modelled), { iterations: 20 });
});
