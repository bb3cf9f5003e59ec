import { z } from 'zod';
import { OPTION_LIMITS } from '../optionLimits';

/** The model and candidate settings of the GP optimizers of `GpMoOptimizerBase` (ParEGO, MS-EHVI). */
export interface GpMoSettings {
  /** Random prior draws before the models are used. */
  readonly startupTrials: number;
  /** Each GP is fitted on at most this many results (which ones: each optimizer's rule). */
  readonly maxModelPoints: number;
  /** Results between two marginal-likelihood fits of the GP hyperparameters. */
  readonly refitEvery: number;
  /** Prior draws scored per proposal. */
  readonly randomCandidates: number;
  /** One-parameter mutations of the best results scored per proposal. */
  readonly mutationCandidates: number;
}

/**
 * The options schema of {@link GpMoSettings}: the bounds (and the defaults of the startup and the model)
 * live here once; each optimizer gives its pool sizes and says which results it keeps and mutates.
 */
export function gpMoOptions(
  pool: { readonly randomCandidates: number; readonly mutationCandidates: number },
  describe: { readonly [K in Exclude<keyof GpMoSettings, 'refitEvery'>]: string },
) {
  return {
    startupTrials: z.number().int().min(2).default(10).describe(describe.startupTrials),
    maxModelPoints: z.number().int().min(2).default(200).describe(describe.maxModelPoints),
    refitEvery: z
      .number()
      .int()
      .min(1)
      .default(10)
      .describe('results between two marginal-likelihood fits of the GP hyperparameters (in between they are reused)'),
    randomCandidates: z.number().int().min(1).max(OPTION_LIMITS.candidates).default(pool.randomCandidates).describe(describe.randomCandidates),
    mutationCandidates: z.number().int().min(0).max(OPTION_LIMITS.candidates).default(pool.mutationCandidates).describe(describe.mutationCandidates),
  } satisfies Record<keyof GpMoSettings, z.ZodType>;
}
