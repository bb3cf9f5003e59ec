import { validateOptions, type OptimizerContext, type OptimizerDescriptor } from '@jahskit/core';
import { runCellTask } from '../mo/moFixtures';
import { RandomSearch } from '../../rs/RandomSearch';
import { expectBeatsRandomSearch, type BeatsRandomSearchResult } from './expectBeatsRandomSearch';

/**
 * The "beats random search" claim of the NAS-oriented multi-objective optimizers: both arms are scored by
 * the hypervolume of `evaluations` trials on the cell task of {@link runCellTask}.
 */
export function expectCellTaskBeatsRandomSearch(descriptor: OptimizerDescriptor, options: unknown, evaluations: number): Promise<BeatsRandomSearchResult> {
  return expectBeatsRandomSearch({
    create: (context: OptimizerContext) => descriptor.create(validateOptions(descriptor.options, options, descriptor.id), context),
    randomSearch: (context: OptimizerContext) => new RandomSearch(context),
    score: (make, seed) => runCellTask(make, seed, evaluations),
    better: 'higher',
  });
}
