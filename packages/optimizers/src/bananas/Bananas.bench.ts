import { validateOptions } from '@jahskit/core';
import { describe } from 'vitest';
import { benchCellAndHartmann } from '../internal/testing/benchCellAndHartmann';
import { Bananas } from './Bananas';
import { bananasDescriptor } from './bananasModule';

// The ensemble is re-trained every max(10, 10% of results) results: at 1,000 results one step in
// ~100 pays a fit. A run of 200 iterations therefore averages about two fits (plus the re-training
// after each periodic restore of the fixture, which makes the figure an upper bound).
describe('BANANAS ask+tell overhead at 1,000 observations (target: <= 50 ms per trial)', () => {
  const options = validateOptions(bananasDescriptor.options, {}, 'bananas');
  benchCellAndHartmann((context) => new Bananas(options, context), { window: 200, iterations: 200, cellNote: 'one-hot: the fixture names edges edge0..5' });
});
