import type { Optimizer, OptimizerCapabilities, OptimizerContext, OptimizerDescriptor } from '@jahskit/core';
import { z } from 'zod';
import { ladderOptions } from './ladderOptions';

/** A scheduler class whose options are exactly the fidelity ladder's. */
interface LadderScheduler<Options> {
  readonly capabilities: OptimizerCapabilities;
  new (options: Options, context: OptimizerContext): Optimizer;
}

/** The descriptor of a scheduler configured by {@link ladderOptions} alone; its capabilities are the class's. */
export function ladderDescriptor<Options>(id: string, summary: string, Scheduler: LadderScheduler<Options>): OptimizerDescriptor<Options> {
  return {
    id,
    summary,
    capabilities: Scheduler.capabilities,
    options: z.object(ladderOptions).strict() as never,
    create: (options, context) => new Scheduler(options, context),
  };
}
