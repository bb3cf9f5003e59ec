import { definePlugin, type OptimizerDescriptor } from '@jahskit/core';
import { optimizerDescriptor } from '../internal/optimizerDescriptor';
import { z } from 'zod';
import { LocalSearch, type LocalSearchOptions } from './LocalSearch';
import { OPTION_LIMITS } from '../internal/optionLimits';

export const localSearchDescriptor: OptimizerDescriptor<LocalSearchOptions> = optimizerDescriptor(
  'ls',
  'local search (White et al. 2020): best-improvement descent over one-parameter neighbourhoods with random restarts',
  LocalSearch,
  {
    initialSamples: z
      .number()
      .int()
      .min(1)
      .default(10)
      .describe('random configurations evaluated at the start and at each restart; the best one starts the descent'),
    numericNeighbours: z
      .number()
      .int()
      .min(1)
      .max(OPTION_LIMITS.neighbours)
      .default(4)
      .describe('perturbations per numeric parameter in a neighbourhood (categorical parameters contribute every other choice)'),
  },
);

/** Registers local search. */
export const localSearchModule = definePlugin({ optimizers: [localSearchDescriptor] });
