import type { JsonValue, Rng, SearchSpace } from '@jahskit/core';
import { mutateOneParameter } from '../mutateOneParameter';
import type { Proposal } from '../ProposalOptimizer';
import type { ArchiveEntry } from './ParetoArchive';
import { uniformCrossover } from './uniformCrossover';

/** The variation rates of an evolutionary multi-objective optimizer. */
export interface VariationRates {
  /** Probability that the child is the uniform crossover of two parents (else a copy of the first). */
  readonly crossoverProbability: number;
  /** Probability that the child then changes in one parameter. */
  readonly mutationProbability: number;
}

/**
 * The variation of NSGA-II and SMS-EMOA: from parent `a`, with probability `crossoverProbability`
 * the uniform crossover with a second parent drawn by `mate` (conditions repaired by the space),
 * then with probability `mutationProbability` a one-parameter mutation. The tags name the parents.
 */
export function breedChild(space: SearchSpace, a: ArchiveEntry, mate: () => ArchiveEntry, rng: Rng, rates: VariationRates): Proposal {
  let config = a.config;
  const tags: Record<string, JsonValue> = { parent: a.id };
  if (rng.bernoulli(rates.crossoverProbability)) {
    const b = mate();
    config = uniformCrossover(space, a.config, b.config, rng);
    tags['mate'] = b.id;
  }
  if (rng.bernoulli(rates.mutationProbability)) config = mutateOneParameter(space, config, rng);
  return { config, tags };
}
