import { definePlugin, type OptimizerDescriptor } from '@jahskit/core';
import { z } from 'zod';
import { ladderOptions } from '../internal/multifidelity/ladderOptions';
import { OPTION_LIMITS } from '../internal/optionLimits';
import { Dyhpo, type DyhpoOptions } from './Dyhpo';

const options = z
  .object({
    ...ladderOptions,
    initialTrials: z.number().int().min(1).default(10).describe('random configurations at the lowest rung before the Gaussian process is used'),
    randomCandidates: z
      .number()
      .int()
      .min(0)
      .max(OPTION_LIMITS.candidates)
      .default(100)
      .describe('prior samples scored as new configurations at the lowest rung on each proposal'),
    mutationCandidates: z
      .number()
      .int()
      .min(0)
      .max(OPTION_LIMITS.candidates)
      .default(50)
      .describe('one-parameter mutations of the incumbents scored as new configurations on each proposal'),
    incumbents: z.number().int().min(1).default(5).describe('how many of the configurations with the best latest results are mutated'),
    xi: z.number().min(0).default(0.01).describe('exploration margin of expected improvement, in standard deviations of the observed values'),
    maxTrainingPoints: z
      .number()
      .int()
      .min(2)
      .default(200)
      .describe('observed (configuration, budget) points in the model at most: the best half plus the most recent'),
    refitEvery: z
      .number()
      .int()
      .min(1)
      .default(10)
      .describe('hyperparameters are re-fitted by maximum marginal likelihood after this many new points (or 10% of all points, if more)'),
  })
  .strict();

export const dyhpoDescriptor: OptimizerDescriptor<DyhpoOptions> = {
  id: 'dyhpo',
  summary: 'DyHPO (Wistuba et al. 2022): a GP over (configuration, budget) picks which configuration to train one rung further, by EI at its next budget',
  capabilities: Dyhpo.capabilities,
  options: options as never,
  create: (opts, context) => new Dyhpo(opts, context),
};

/** Registers DyHPO. */
export const dyhpoModule = definePlugin({ optimizers: [dyhpoDescriptor] });
