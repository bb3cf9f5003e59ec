import { definePlugin, type OptimizerDescriptor } from '@jahskit/core';
import { z } from 'zod';
import { optimizerDescriptor } from '../internal/optimizerDescriptor';
import { RegularizedEvolution, type RegularizedEvolutionOptions } from './RegularizedEvolution';

export const regularizedEvolutionDescriptor: OptimizerDescriptor<RegularizedEvolutionOptions> = optimizerDescriptor(
  're',
  'regularised evolution (Real et al. 2019): asynchronous tournament selection, one-parameter mutation, aging',
  RegularizedEvolution,
  {
    population: z
      .number()
      .int()
      .min(2)
      .default(100)
      .describe('population size: the number of most recent results kept; the first `population` trials are random samples'),
    sampleSize: z
      .number()
      .int()
      .min(1)
      .default(25)
      .describe('tournament size: members drawn with replacement, the best becomes the parent (at most `population`)'),
    numericNeighbours: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe('deprecated, no effect (removed in the next release): a mutated numeric parameter moves by one Gaussian step of 0.2 in its [0, 1] encoding'),
  },
);

/** Registers regularised evolution. */
export const regularizedEvolutionModule = definePlugin({ optimizers: [regularizedEvolutionDescriptor] });
