import { describe } from 'vitest';
import { benchCellAndHartmann } from '../internal/testing/benchCellAndHartmann';
import { Reinforce } from './Reinforce';

describe('REINFORCE ask+tell overhead at 1,000 observations', () => {
  const options = { learningRate: 0.1, baselineDecay: 0.9, bins: 10 };
  benchCellAndHartmann((context) => new Reinforce(options, context), { hartmannNote: '10 bins' });
});
