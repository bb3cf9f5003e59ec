import { definePlugin, type OptimizerDescriptor } from '@jahskit/core';
import { optimizerDescriptor } from '../internal/optimizerDescriptor';
import { z } from 'zod';
import { Gpbo, type GpboOptions } from './Gpbo';
import { OPTION_LIMITS } from '../internal/optionLimits';

export const gpboDescriptor: OptimizerDescriptor<GpboOptions> = optimizerDescriptor(
  'gpbo',
  'Gaussian-process BO (Snoek et al. 2012): Matérn-5/2 ARD, marginal-likelihood fit, expected improvement over mutations + samples',
  Gpbo,
  {
    initialTrials: z.number().int().min(1).default(10).describe('prior samples before the Gaussian process is used'),
    randomCandidates: z
      .number()
      .int()
      .min(0)
      .max(OPTION_LIMITS.candidates)
      .default(100)
      .describe('prior samples in each pool over which expected improvement is maximised'),
    mutationCandidates: z
      .number()
      .int()
      .min(0)
      .max(OPTION_LIMITS.candidates)
      .default(150)
      .describe('one-parameter mutations of the incumbents in each acquisition pool'),
    incumbents: z.number().int().min(1).default(5).describe('how many of the best results are mutated for the acquisition pool'),
    xi: z.number().min(0).default(0.01).describe('exploration margin of expected improvement, in standard deviations of the observed values'),
    maxTrainingPoints: z
      .number()
      .int()
      .min(2)
      .default(200)
      .describe('results in the model at most: the best half plus the most recent (bounds the O(n^3) cost)'),
    refitEvery: z
      .number()
      .int()
      .min(1)
      .default(10)
      .describe('hyperparameters are re-fitted by maximum marginal likelihood after this many new results (or 10% of all results, if more)'),
  },
);

/** Registers GP-BO. */
export const gpboModule = definePlugin({ optimizers: [gpboDescriptor] });
