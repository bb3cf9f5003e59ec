import type { OptimizerContext } from '@jahskit/core';
import { OptimizerError } from '../errors/OptimizerError';
import type { LadderOptionValues } from '../internal/multifidelity/ladderOptions';
import { MoBracketOptimizer } from '../internal/mo/MoBracketOptimizer';
import { EvolutionarySampler, type EvolutionarySamplerOptions } from './EvolutionarySampler';

export type ShEmoaOptions = LadderOptionValues & EvolutionarySamplerOptions;

/**
 * SH-EMOA (Guerrero-Viu et al. 2021): an evolutionary multi-objective algorithm inside successive
 * halving. Brackets are the most aggressive successive-halving bracket repeated (eta = 2 by
 * default: the budget doubles while the number of candidates halves); candidates are promoted by
 * non-dominated sorting plus greedy hypervolume subset selection; new candidates are bred by
 * tournament selection (k = 3) and mutation or uniform recombination with equal probability.
 */
export class ShEmoa extends MoBracketOptimizer {
  constructor(options: ShEmoaOptions, context: OptimizerContext) {
    if (options.tournamentSize > options.population) {
      throw new OptimizerError('invalid-option', `tournamentSize (${options.tournamentSize}) must not exceed population (${options.population})`, {
        parameter: 'tournamentSize',
        allowed: `1..${options.population}`,
      });
    }
    super('shemoa', context, options, 'successive-halving', (frame) => new EvolutionarySampler(frame, options));
  }
}
