import type { OptimizerContext } from '@jahskit/core';
import type { LadderOptionValues } from '../internal/multifidelity/ladderOptions';
import { MoBracketOptimizer } from '../internal/mo/MoBracketOptimizer';
import { MotpeSampler, type MotpeSamplerOptions } from './MotpeSampler';

export type MoBohbOptions = LadderOptionValues & MotpeSamplerOptions;

/**
 * MO-BOHB (Guerrero-Viu et al. 2021, after BOHB by Falkner, Klein & Hutter 2018): Hyperband
 * brackets (eta = 3 by default) whose new configurations come from MOTPE fitted on the highest
 * budget with enough results (a `randomFraction` of them from the prior), and whose promotions keep
 * the entries chosen by non-dominated sorting plus greedy hypervolume subset selection.
 */
export class MoBohb extends MoBracketOptimizer {
  constructor(options: MoBohbOptions, context: OptimizerContext) {
    super('mobohb', context, options, 'hyperband', (frame) => new MotpeSampler(frame, options));
  }
}
