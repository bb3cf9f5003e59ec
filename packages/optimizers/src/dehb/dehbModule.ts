import { definePlugin, type OptimizerDescriptor } from '@jahskit/core';
import { z } from 'zod';
import { ladderOptions } from '../internal/multifidelity/ladderOptions';
import { Dehb, type DehbOptions } from './Dehb';

const options = z
  .object({
    ...ladderOptions,
    mutationFactor: z.number().gt(0).max(2).default(0.5).describe('F: scale of the DE difference vector'),
    crossoverRate: z.number().min(0).max(1).default(0.5).describe('CR: probability that a coordinate comes from the mutant'),
  })
  .strict();

export const dehbDescriptor: OptimizerDescriptor<DehbOptions> = {
  id: 'dehb',
  summary: 'DEHB: Hyperband brackets whose rungs evolve per-budget DE subpopulations (Awad et al. 2021)',
  capabilities: Dehb.capabilities,
  options: options as never,
  create: (o, context) => new Dehb(o, context),
};

/** Registers DEHB. */
export const dehbModule = definePlugin({ optimizers: [dehbDescriptor] });
