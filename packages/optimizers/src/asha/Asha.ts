import type { OptimizerContext } from '@jahskit/core';
import { AsynchronousHalving } from '../internal/multifidelity/AsynchronousHalving';
import { FidelityLadder } from '../internal/multifidelity/FidelityLadder';
import { ladderSettings, type LadderOptionValues } from '../internal/multifidelity/ladderOptions';
import { RandomSampler } from '../internal/multifidelity/RandomSampler';
import { ScheduledOptimizer } from '../internal/multifidelity/ScheduledOptimizer';

export type AshaOptions = LadderOptionValues;

/**
 * ASHA (Li, Jamieson, Rostamizadeh, Gonina, Ben-tzur, Hardt, Recht & Talwalkar 2020): successive
 * halving without synchronisation — a free worker promotes any finished trial in the top 1/eta of
 * its rung, else starts a random configuration at the lowest budget.
 */
export class Asha extends ScheduledOptimizer {
  constructor(options: AshaOptions, context: OptimizerContext) {
    const ladder = FidelityLadder.resolve(context.fidelitySpace, ladderSettings(options));
    super('asha', new AsynchronousHalving(ladder, new RandomSampler(context.space, context.seed)));
  }
}
