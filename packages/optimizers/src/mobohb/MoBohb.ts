import type { OptimizerContext } from '@jahskit/core';
import { OptimizerError } from '../errors/OptimizerError';
import { FidelityLadder } from '../internal/multifidelity/FidelityLadder';
import { ladderSettings, type LadderOptionValues } from '../internal/multifidelity/ladderOptions';
import { MoBracketOptimizer, type ValueBook, type ViolationBook } from '../internal/mo/MoBracketOptimizer';
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
    const d = context.objectives.length;
    if (d < 2) throw new OptimizerError('unsupported-task', `optimizer "mobohb" needs at least two objectives, got ${d}`, { parameter: 'objectives' });
    const ladder = FidelityLadder.resolve(context.fidelitySpace, ladderSettings(options));
    const book: ValueBook = new Map();
    const violations: ViolationBook = new Map();
    super('mobohb', d, ladder, 'hyperband', book, violations, new MotpeSampler(context.space, context.seed, d, book, violations, options));
  }
}
