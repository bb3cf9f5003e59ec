import { validateOptions } from '@jahskit/core';
import { bench, describe } from 'vitest';
import { cellContext, hartmannContext, warmUp } from '../re/overheadFixtures';
import { Gpbo } from './Gpbo';
import { gpboDescriptor } from './gpboModule';

// Hyperparameters are re-fitted every max(10, 10% of results) results: at 1,000 results about one
// step in 100 pays a fit, so 100 iterations include about one (plus the fixture's periodic restore).
describe('GP-BO ask+tell overhead at 1,000 observations (target: <= 50 ms per trial)', () => {
  const options = validateOptions(gpboDescriptor.options, {}, 'gpbo');
  const cell = cellContext();
  const stepCell = warmUp(() => new Gpbo(options, cell), cell.space, 1000, 100);
  bench('1 trial: ask, tell (6 categorical edges x 5 ops)', stepCell, { iterations: 100, time: 0 });
  const hartmann = hartmannContext();
  const stepHartmann = warmUp(() => new Gpbo(options, hartmann), hartmann.space, 1000, 100);
  bench('1 trial: ask, tell (Hartmann-6, 6 floats)', stepHartmann, { iterations: 100, time: 0 });
});
