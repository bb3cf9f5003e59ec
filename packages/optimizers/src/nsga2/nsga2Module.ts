import { definePlugin, type OptimizerDescriptor } from '@jahskit/core';
import { optimizerDescriptor } from '../internal/optimizerDescriptor';
import { z } from 'zod';
import { Nsga2, type Nsga2Options } from './Nsga2';

export const nsga2Descriptor: OptimizerDescriptor<Nsga2Options> = optimizerDescriptor(
  'nsga2',
  'NSGA-II (Deb et al. 2002): non-dominated sorting, crowding distance, uniform crossover and mutation',
  Nsga2,
  {
    population: z.number().int().min(2).default(50).describe('parents kept by each environmental selection (and initial prior samples)'),
    crossoverProbability: z.number().min(0).max(1).default(0.9).describe('probability that a child is the uniform crossover of two tournament winners'),
    mutationProbability: z.number().min(0).max(1).default(1).describe('probability that the child is then changed in one parameter'),
  },
);

/** Registers NSGA-II. */
export const nsga2Module = definePlugin({ optimizers: [nsga2Descriptor] });
