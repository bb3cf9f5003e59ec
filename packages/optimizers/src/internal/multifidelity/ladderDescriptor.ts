import type { OptimizerDescriptor } from '@jahskit/core';
import { optimizerDescriptor, type OptimizerClass } from '../optimizerDescriptor';
import { ladderOptions } from './ladderOptions';

/** The descriptor of a scheduler configured by {@link ladderOptions} alone; its capabilities are the class's. */
export function ladderDescriptor<Options>(id: string, summary: string, Scheduler: OptimizerClass<Options>): OptimizerDescriptor<Options> {
  return optimizerDescriptor(id, summary, Scheduler, ladderOptions);
}
