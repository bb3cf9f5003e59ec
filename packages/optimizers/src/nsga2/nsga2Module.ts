import { definePlugin, type OptimizerDescriptor } from '@jahskit/core';
import { optimizerDescriptor } from '../internal/optimizerDescriptor';
import { breedingOptions } from '../internal/mo/breedingOptions';
import { Nsga2, type Nsga2Options } from './Nsga2';

export const nsga2Descriptor: OptimizerDescriptor<Nsga2Options> = optimizerDescriptor(
  'nsga2',
  'NSGA-II (Deb et al. 2002): non-dominated sorting, crowding distance, uniform crossover and mutation',
  Nsga2,
  breedingOptions(50, {
    population: 'parents kept by each environmental selection (and initial prior samples)',
    crossoverProbability: 'probability that a child is the uniform crossover of two tournament winners',
  }),
);

/** Registers NSGA-II. */
export const nsga2Module = definePlugin({ optimizers: [nsga2Descriptor] });
