import { definePlugin, type OptimizerDescriptor } from '@jahskit/core';
import { optimizerDescriptor } from '../internal/optimizerDescriptor';
import { z } from 'zod';
import { BulkCut, type BulkCutOptions } from './BulkCut';

export const bulkcutDescriptor: OptimizerDescriptor<BulkCutOptions> = optimizerDescriptor(
  'bulkcut',
  'BULK & CUT (Guerrero-Viu et al. 2021) adapted to benchmarks: grow and shrink architectures from the Pareto front',
  BulkCut,
  {
    initialTrials: z.number().int().min(1).default(10).describe('prior draws before the first bulk-up phase'),
    phaseLength: z.number().int().min(1).default(50).describe('trials per phase; bulk-up and cut-down phases alternate'),
    epsilon: z.number().min(0).max(1).default(0.3).describe('Pareto-epsilon-greedy: probability of a random Pareto-front parent'),
    hyperparameterProbability: z
      .number()
      .min(0)
      .max(1)
      .default(0.3)
      .describe('probability that a child also changes one non-architectural hyperparameter locally'),
    sizeParameters: z
      .array(z.string().min(1))
      .min(1)
      .nullable()
      .default(null)
      .describe('names of the size knobs; null: cell operations (by cost) and ordinal parameters, else numeric ones'),
  },
);

/** Registers BULK & CUT. */
export const bulkcutModule = definePlugin({ optimizers: [bulkcutDescriptor] });
