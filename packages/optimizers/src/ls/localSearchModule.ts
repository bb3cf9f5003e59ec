import { definePlugin, type OptimizerDescriptor } from '@jahskit/core';
import { z } from 'zod';
import { LocalSearch, type LocalSearchOptions } from './LocalSearch';
import { OPTION_LIMITS } from '../internal/optionLimits';

const options = z
  .object({
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
  })
  .strict();

export const localSearchDescriptor: OptimizerDescriptor<LocalSearchOptions> = {
  id: 'ls',
  summary: 'local search (White et al. 2020): best-improvement descent over one-parameter neighbourhoods with random restarts',
  capabilities: LocalSearch.capabilities,
  options,
  create: (opts, context) => new LocalSearch(opts, context),
};

/** Registers local search. */
export const localSearchModule = definePlugin({ optimizers: [localSearchDescriptor] });
