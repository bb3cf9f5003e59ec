import type { OptimizerContext } from '@jahskit/core';
import { FidelityLadder } from '../internal/multifidelity/FidelityLadder';
import { ladderSettings, type LadderOptionValues } from '../internal/multifidelity/ladderOptions';
import { RandomSampler } from '../internal/multifidelity/RandomSampler';
import { ScheduledOptimizer } from '../internal/multifidelity/ScheduledOptimizer';
import { SynchronousBrackets } from '../internal/multifidelity/SynchronousBrackets';

export type HyperbandOptions = LadderOptionValues;

/**
 * Hyperband (Li, Jamieson, DeSalvo, Rostamizadeh & Talwalkar 2018): successive halving brackets
 * s = sMax, ..., 0, each starting ceil((sMax + 1) / (s + 1) eta^s) random configurations at budget
 * maxBudget eta^-s, cycled forever. Brackets run one after another (synchronous).
 */
export class Hyperband extends ScheduledOptimizer {
  constructor(options: HyperbandOptions, context: OptimizerContext) {
    const ladder = FidelityLadder.resolve(context.fidelitySpace, ladderSettings(options));
    super('hyperband', new SynchronousBrackets(ladder, 'hyperband', new RandomSampler(context.space, context.seed)));
  }
}
