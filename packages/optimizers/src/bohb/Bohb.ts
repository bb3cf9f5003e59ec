import type { Observation, OptimizerContext } from '@jahskit/core';
import { KdeSampler, type KdeSamplerOptions } from '../internal/kde/KdeSampler';
import { FidelityLadder } from '../internal/multifidelity/FidelityLadder';
import { ladderSettings, type LadderOptionValues } from '../internal/multifidelity/ladderOptions';
import { ScheduledOptimizer } from '../internal/multifidelity/ScheduledOptimizer';
import { SynchronousBrackets } from '../internal/multifidelity/SynchronousBrackets';

export type BohbOptions = LadderOptionValues & KdeSamplerOptions;

/**
 * BOHB (Falkner, Klein & Hutter 2018): Hyperband's brackets, with the configurations that enter a
 * bracket drawn from a multivariate KDE (TPE step) fitted on the largest budget that has enough
 * observations, and a third of them from the prior. With constraints the KDE's good/bad split follows
 * Deb's rules (see KdeSampler).
 */
export class Bohb extends ScheduledOptimizer {
  private readonly sampler: KdeSampler;

  constructor(options: BohbOptions, context: OptimizerContext) {
    const ladder = FidelityLadder.resolve(context.fidelitySpace, ladderSettings(options));
    const sampler = new KdeSampler(context.space, context.seed, options);
    super('bohb', new SynchronousBrackets(ladder, 'hyperband', sampler));
    this.sampler = sampler;
  }

  override tell(observations: readonly Observation[]): void {
    // The scheduler hands its sampler a value per trial; the constraint values go to it directly.
    for (const o of observations) this.sampler.noteConstraints(o.trial.id, o.constraints);
    try {
      super.tell(observations);
    } finally {
      this.sampler.forgetConstraints();
    }
  }
}
