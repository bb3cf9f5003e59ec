import { bench, describe } from 'vitest';
import { cellContext, hartmannContext, warmUp } from '../re/overheadFixtures';
import { LocalSearch } from './LocalSearch';

describe('local search ask+tell overhead at 1,000 observations', () => {
  const options = { initialSamples: 10, numericNeighbours: 4 };
  const cell = cellContext();
  bench('1 trial: ask, tell (6 categorical edges x 5 ops)', warmUp(() => new LocalSearch(options, cell), cell.space, 1000));
  const hartmann = hartmannContext();
  bench('1 trial: ask, tell (Hartmann-6, 6 floats)', warmUp(() => new LocalSearch(options, hartmann), hartmann.space, 1000));
});
