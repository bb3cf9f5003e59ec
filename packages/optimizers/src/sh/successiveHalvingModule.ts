import { definePlugin, type OptimizerDescriptor } from '@jahskit/core';
import { z } from 'zod';
import { ladderOptions } from '../internal/multifidelity/ladderOptions';
import { SuccessiveHalving, type SuccessiveHalvingOptions } from './SuccessiveHalving';

export const successiveHalvingDescriptor: OptimizerDescriptor<SuccessiveHalvingOptions> = {
  id: 'sh',
  summary: 'successive halving: random configurations, the best 1/eta continue at eta times the budget (Jamieson & Talwalkar 2016)',
  capabilities: SuccessiveHalving.capabilities,
  options: z.object(ladderOptions).strict() as never,
  create: (options, context) => new SuccessiveHalving(options, context),
};

/** Registers successive halving. */
export const successiveHalvingModule = definePlugin({ optimizers: [successiveHalvingDescriptor] });
