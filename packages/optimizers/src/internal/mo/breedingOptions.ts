import { z } from 'zod';
import type { BreedingOptions } from './BreedingMoOptimizerBase';

/**
 * The options schema of the breeding optimizers ({@link BreedingOptions}): the bounds and defaults of the
 * variation live here once; each optimizer gives its own population default and says how it picks the
 * parents that are crossed.
 */
export function breedingOptions(population: number, describe: { readonly population: string; readonly crossoverProbability: string }) {
  return {
    population: z.number().int().min(2).default(population).describe(describe.population),
    crossoverProbability: z.number().min(0).max(1).default(0.9).describe(describe.crossoverProbability),
    mutationProbability: z.number().min(0).max(1).default(1).describe('probability that the child is then changed in one parameter'),
  } satisfies Record<keyof BreedingOptions, z.ZodType>;
}
