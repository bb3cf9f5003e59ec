import type { OptimizerContext } from '@jahskit/core';
import { FidelityLadder } from '../internal/multifidelity/FidelityLadder';
import { ladderSettings, type LadderOptionValues } from '../internal/multifidelity/ladderOptions';
import { RandomSampler } from '../internal/multifidelity/RandomSampler';
import { ScheduledOptimizer } from '../internal/multifidelity/ScheduledOptimizer';
import { SynchronousBrackets } from '../internal/multifidelity/SynchronousBrackets';

export type SuccessiveHalvingOptions = LadderOptionValues;

/**
 * Successive halving (Jamieson & Talwalkar 2016): eta^sMax random configurations at the lowest
 * budget, the best 1/eta continue at eta times the budget, until one reaches the highest budget;
 * then a new bracket starts. Synchronous: `ask` returns nothing while a rung is incomplete.
 */
export class SuccessiveHalving extends ScheduledOptimizer {
  constructor(options: SuccessiveHalvingOptions, context: OptimizerContext) {
    const ladder = FidelityLadder.resolve(context.fidelitySpace, ladderSettings(options));
    super('sh', new SynchronousBrackets(ladder, 'successive-halving', new RandomSampler(context.space, context.seed)));
  }
}
