import type { OptimizerContext } from '@jahskit/core';
import { FidelityLadder } from '../internal/multifidelity/FidelityLadder';
import { ladderSettings, type LadderOptionValues } from '../internal/multifidelity/ladderOptions';
import { ScheduledOptimizer } from '../internal/multifidelity/ScheduledOptimizer';
import { DyhpoScheduler, type DyhpoSettings } from './DyhpoScheduler';

export type DyhpoOptions = LadderOptionValues & DyhpoSettings;

/**
 * DyHPO (Wistuba, Kadra & Grabocka, NeurIPS 2022, "Supervising the Multi-Fidelity Race of
 * Hyperparameter Configurations"), with a Gaussian process over (configuration, log budget, rank of
 * the latest result at its rung) in place of the paper's deep kernel over the configuration, budget and
 * learning curve, and each rung's results on their own scale: each free worker trains the configuration
 * whose next rung of the budget ladder has the highest expected improvement over the best result at
 * that rung, continuing its training (see {@link DyhpoScheduler}).
 */
export class Dyhpo extends ScheduledOptimizer {
  constructor(options: DyhpoOptions, context: OptimizerContext) {
    const ladder = FidelityLadder.resolve(context.fidelitySpace, ladderSettings(options));
    super('dyhpo', new DyhpoScheduler(ladder, context.space, context.seed, options));
  }
}
