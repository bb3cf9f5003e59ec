import { bench, describe } from 'vitest';
import { cellContext, hartmannContext, warmUp } from './overheadFixtures';
import { RegularizedEvolution } from './RegularizedEvolution';

describe('regularised evolution ask+tell overhead at 1,000 observations (target: <= 50 us per trial)', () => {
  const options = { population: 100, sampleSize: 25, numericNeighbours: 1 };
  const cell = cellContext();
  const stepCell = warmUp(() => new RegularizedEvolution(options, cell), cell.space, 1000);
  bench('1 trial: ask, tell (6 categorical edges x 5 ops)', stepCell);
  const hartmann = hartmannContext();
  const stepHartmann = warmUp(() => new RegularizedEvolution(options, hartmann), hartmann.space, 1000);
  bench('1 trial: ask, tell (Hartmann-6, 6 floats)', stepHartmann);
});
