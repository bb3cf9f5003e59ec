import { definePlugin, type OptimizerDescriptor } from '@jahskit/core';
import { optimizerDescriptor } from '../internal/optimizerDescriptor';
import { z } from 'zod';
import { ladderOptions } from '../internal/multifidelity/ladderOptions';
import { Dehb, type DehbOptions } from './Dehb';

export const dehbDescriptor: OptimizerDescriptor<DehbOptions> = optimizerDescriptor(
  'dehb',
  'DEHB: Hyperband brackets whose rungs evolve per-budget DE subpopulations (Awad et al. 2021)',
  Dehb,
  {
    ...ladderOptions,
    mutationFactor: z.number().gt(0).max(2).default(0.5).describe('F: scale of the DE difference vector'),
    crossoverRate: z.number().min(0).max(1).default(0.5).describe('CR: probability that a coordinate comes from the mutant'),
  },
);

/** Registers DEHB. */
export const dehbModule = definePlugin({ optimizers: [dehbDescriptor] });
