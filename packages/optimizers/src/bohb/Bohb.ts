import type { OptimizerContext } from '@jahskit/core';
import { KdeSampler, type KdeSamplerOptions } from '../internal/kde/KdeSampler';
import { FidelityLadder } from '../internal/multifidelity/FidelityLadder';
import { ladderSettings, type LadderOptionValues } from '../internal/multifidelity/ladderOptions';
import { ScheduledOptimizer } from '../internal/multifidelity/ScheduledOptimizer';
import { SynchronousBrackets } from '../internal/multifidelity/SynchronousBrackets';

export type BohbOptions = LadderOptionValues & KdeSamplerOptions;

/**
 * BOHB (Falkner, Klein & Hutter 2018): Hyperband's brackets, with the configurations that enter a
 * bracket drawn from a multivariate KDE (TPE step) fitted on the largest budget that has enough
 * observations, and a third of them from the prior.
 */
export class Bohb extends ScheduledOptimizer {
  constructor(options: BohbOptions, context: OptimizerContext) {
    const ladder = FidelityLadder.resolve(context.fidelitySpace, ladderSettings(options));
    super('bohb', new SynchronousBrackets(ladder, 'hyperband', new KdeSampler(context.space, context.seed, options)));
  }
}
