import { describe } from 'vitest';
import { benchCellAndHartmann } from '../internal/testing/benchCellAndHartmann';
import { LocalSearch } from './LocalSearch';

describe('local search ask+tell overhead at 1,000 observations', () => {
  const options = { initialSamples: 10, numericNeighbours: 4 };
  benchCellAndHartmann((context) => new LocalSearch(options, context));
});
