import { definePlugin, type OptimizerDescriptor } from '@jahskit/core';
import { z } from 'zod';
import { RandomSearch, type RandomSearchOptions } from './RandomSearch';

const options = z
  .object({
    prior: z.boolean().default(false).describe("draw from the space's priors (normal / beta parameters, categorical weights) instead of uniformly"),
  })
  .strict();

export const randomSearchDescriptor: OptimizerDescriptor<RandomSearchOptions> = {
  id: 'rs',
  summary: 'random search: independent uniform draws (or from the priors, with prior: true) at full fidelity',
  capabilities: RandomSearch.capabilities,
  options: options as never,
  create: (o, context) => new RandomSearch(context, o),
};

/** Registers random search. */
export const randomSearchModule = definePlugin({ optimizers: [randomSearchDescriptor] });
