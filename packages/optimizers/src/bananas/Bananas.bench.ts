import { validateOptions } from '@jahskit/core';
import { bench, describe } from 'vitest';
import { cellContext, hartmannContext, warmUp } from '../re/overheadFixtures';
import { Bananas } from './Bananas';
import { bananasDescriptor } from './bananasModule';

// The ensemble is re-trained every max(10, 10% of results) results: at 1,000 results one step in
// ~100 pays a fit. A run of 200 iterations therefore averages about two fits (plus the re-training
// after each periodic restore of the fixture, which makes the figure an upper bound).
describe('BANANAS ask+tell overhead at 1,000 observations (target: <= 50 ms per trial)', () => {
  const options = validateOptions(bananasDescriptor.options, {}, 'bananas');
  const cell = cellContext();
  const stepCell = warmUp(() => new Bananas(options, cell), cell.space, 1000, 200);
  bench('1 trial: ask, tell (6 categorical edges x 5 ops, one-hot: the fixture names edges edge0..5)', stepCell, { iterations: 200, time: 0 });
  const hartmann = hartmannContext();
  const stepHartmann = warmUp(() => new Bananas(options, hartmann), hartmann.space, 1000, 200);
  bench('1 trial: ask, tell (Hartmann-6, 6 floats)', stepHartmann, { iterations: 200, time: 0 });
});
