import { validateOptions } from '@jahskit/core';
import { describe } from 'vitest';
import { benchCellAndHartmann } from '../internal/testing/benchCellAndHartmann';
import { Gpbo } from './Gpbo';
import { gpboDescriptor } from './gpboModule';

// Hyperparameters are re-fitted every max(10, 10% of results) results: at 1,000 results about one
// step in 100 pays a fit, so 100 iterations include about one (plus the fixture's periodic restore).
describe('GP-BO ask+tell overhead at 1,000 observations (target: <= 50 ms per trial)', () => {
  const options = validateOptions(gpboDescriptor.options, {}, 'gpbo');
  benchCellAndHartmann((context) => new Gpbo(options, context), { window: 100, iterations: 100 });
});
