import { definePlugin, type OptimizerDescriptor } from '@jahskit/core';
import { optimizerDescriptor } from '../internal/optimizerDescriptor';
import { z } from 'zod';
import { DifferentialEvolution, type DeOptions } from './DifferentialEvolution';

export const deDescriptor: OptimizerDescriptor<DeOptions> = optimizerDescriptor(
  'de',
  'differential evolution rand/1/bin on a [0,1] encoding of mixed spaces, asynchronous (Storn & Price 1997)',
  DifferentialEvolution,
  {
    population: z.number().int().min(4).default(20).describe('population size (rand/1 needs a target and three distinct parents, so at least 4)'),
    mutationFactor: z.number().gt(0).max(2).default(0.5).describe('F: scale of the difference vector'),
    crossoverRate: z.number().min(0).max(1).default(0.5).describe('CR: probability that a coordinate comes from the mutant'),
  },
);

/** Registers differential evolution. */
export const deModule = definePlugin({ optimizers: [deDescriptor] });
