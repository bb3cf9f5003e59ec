import { bench, describe } from 'vitest';
import { cellContext, hartmannContext, warmUp } from '../re/overheadFixtures';
import { Reinforce } from './Reinforce';

describe('REINFORCE ask+tell overhead at 1,000 observations', () => {
  const options = { learningRate: 0.1, baselineDecay: 0.9, bins: 10 };
  const cell = cellContext();
  bench('1 trial: ask, tell (6 categorical edges x 5 ops)', warmUp(() => new Reinforce(options, cell), cell.space, 1000));
  const hartmann = hartmannContext();
  bench('1 trial: ask, tell (Hartmann-6, 6 floats, 10 bins)', warmUp(() => new Reinforce(options, hartmann), hartmann.space, 1000));
});
