import { validateOptions } from '@jahskit/core';
import { bench, describe } from 'vitest';
import { cellContext, warmUp } from '../re/overheadFixtures';
import { sequentialRsReDescriptor } from './sequentialModule';

describe('seq-rs-re ask+tell overhead at 1,000 observations (phase 2: regularised evolution)', () => {
  const context = cellContext();
  // Two edges are the "hyperparameters": phase 1 (rs) for 100 trials, then re on the other four.
  const options = validateOptions(sequentialRsReDescriptor.options, { hpoParameters: ['edge0', 'edge1'], switchAfter: 100 }, 'seq-rs-re');
  bench(
    '1 trial: ask, tell (6 categorical edges x 5 ops)',
    warmUp(() => sequentialRsReDescriptor.create(options, context), context.space, 1000),
  );
});
