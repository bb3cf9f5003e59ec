import { definePlugin, type OptimizerDescriptor } from '@jahskit/core';
import { z } from 'zod';
import { RandomSearch } from './RandomSearch';

export const randomSearchDescriptor: OptimizerDescriptor<Record<string, never>> = {
  id: 'rs',
  summary: 'random search: independent draws from the prior at full fidelity',
  capabilities: RandomSearch.capabilities,
  options: z.object({}).strict() as never,
  create: (_options, context) => new RandomSearch(context),
};

/** Registers random search. */
export const randomSearchModule = definePlugin({ optimizers: [randomSearchDescriptor] });
