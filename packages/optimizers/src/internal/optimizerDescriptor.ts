import type { Optimizer, OptimizerCapabilities, OptimizerContext, OptimizerDescriptor } from '@jahskit/core';
import { z } from 'zod';

/** An optimizer class as a plugin creates it: its capabilities are static, its constructor takes the validated options. */
export interface OptimizerClass<Options> {
  readonly capabilities: OptimizerCapabilities;
  new (options: Options, context: OptimizerContext): Optimizer;
}

/**
 * The descriptor of an optimizer plugin: strict options (an unknown name is an error naming it, not
 * silently ignored), the class's own capabilities, and a fresh instance per study.
 */
export function optimizerDescriptor<Options>(
  id: string,
  summary: string,
  Optimizer: OptimizerClass<Options>,
  options: z.ZodRawShape,
): OptimizerDescriptor<Options> {
  return {
    id,
    summary,
    capabilities: Optimizer.capabilities,
    options: z.object(options).strict() as never,
    create: (validated, context) => new Optimizer(validated, context),
  };
}
