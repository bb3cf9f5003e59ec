import { definePlugin, type OptimizerDescriptor } from '@jahskit/core';
import { z } from 'zod';
import { Motpe, type MotpeOptions } from './Motpe';

const options = z
  .object({
    startupTrials: z.number().int().min(0).default(10).describe('random prior draws before the model is used'),
    candidates: z.number().int().min(1).default(24).describe('candidates drawn from l(x) per proposal; the best l(x)/g(x) is chosen'),
    gamma: z
      .union([z.literal('auto'), z.number().gt(0).lt(1)])
      .default('auto')
      .describe("fraction of observations that are 'good'; 'auto' = min(ceil(0.1 n), 25) observations (as Optuna)"),
    priorWeight: z.number().gt(0).default(1).describe('weight of the prior component of each univariate Parzen estimator'),
  })
  .strict();

export const motpeDescriptor: OptimizerDescriptor<MotpeOptions> = {
  id: 'motpe',
  summary: 'MOTPE (Ozaki et al. 2020): TPE with a Pareto/hypervolume good-bad split',
  capabilities: Motpe.capabilities,
  options: options as never,
  create: (opts, context) => new Motpe(opts, context),
};

/** Registers MOTPE. */
export const motpeModule = definePlugin({ optimizers: [motpeDescriptor] });
