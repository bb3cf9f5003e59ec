import { definePlugin, type OptimizerDescriptor } from '@jahskit/core';
import { ladderDescriptor } from '../internal/multifidelity/ladderDescriptor';
import { SuccessiveHalving, type SuccessiveHalvingOptions } from './SuccessiveHalving';

export const successiveHalvingDescriptor: OptimizerDescriptor<SuccessiveHalvingOptions> = ladderDescriptor(
  'sh',
  'successive halving: random configurations, the best 1/eta continue at eta times the budget (Jamieson & Talwalkar 2016)',
  SuccessiveHalving,
);

/** Registers successive halving. */
export const successiveHalvingModule = definePlugin({ optimizers: [successiveHalvingDescriptor] });
