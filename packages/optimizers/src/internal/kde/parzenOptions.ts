import { z } from 'zod';
import { OPTION_LIMITS } from '../optionLimits';

/** The options of a Parzen-estimator proposal, shared by TPE, MOTPE and MO-BOHB's sampler. */
export const parzenOptions = {
  candidates: z
    .number()
    .int()
    .min(1)
    .max(OPTION_LIMITS.candidates)
    .default(24)
    .describe('candidates drawn from l(x) per proposal; the best l(x)/g(x) is chosen'),
  gamma: z
    .union([z.literal('auto'), z.number().gt(0).lt(1)])
    .default('auto')
    .describe("fraction of observations that are 'good'; 'auto' = min(ceil(0.1 n), 25) observations (as Optuna)"),
  priorWeight: z.number().gt(0).default(1).describe('weight of the prior component of each univariate Parzen estimator'),
};

/** Prior draws before a Parzen model is used (TPE, MOTPE). */
export const startupTrialsOption = z.number().int().min(0).default(10).describe('random prior draws before the model is used');
