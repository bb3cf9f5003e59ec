import { describe } from 'vitest';
import { benchCellAndHartmann } from '../internal/testing/benchCellAndHartmann';
import { RegularizedEvolution } from './RegularizedEvolution';

describe('regularised evolution ask+tell overhead at 1,000 observations (target: <= 50 us per trial)', () => {
  const options = { population: 100, sampleSize: 25, numericNeighbours: 1 };
  benchCellAndHartmann((context) => new RegularizedEvolution(options, context));
});
