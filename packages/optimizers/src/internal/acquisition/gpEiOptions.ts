import { z } from 'zod';
import { OPTION_LIMITS } from '../optionLimits';

/** The model and acquisition settings of the Gaussian-process optimizers with expected improvement (GP-BO, CABO, DyHPO). */
export interface GpEiSettings {
  /** Trials before the model is used (random configurations). */
  readonly initialTrials: number;
  /** Prior samples in each acquisition pool. */
  readonly randomCandidates: number;
  /** One-parameter mutations of the incumbents in each acquisition pool. */
  readonly mutationCandidates: number;
  /** How many of the best configurations are mutated. */
  readonly incumbents: number;
  /** Exploration margin of expected improvement, in standard deviations of the observed values. */
  readonly xi: number;
  /** At most this many observed points in the model: the best half plus the most recent (see ObservationHistory). */
  readonly maxTrainingPoints: number;
  /** The hyperparameters are re-fitted (log marginal likelihood) after this many new points (or 10% of the points, if more). */
  readonly refitEvery: number;
}

/**
 * The options schema of {@link GpEiSettings}: the bounds and defaults live here once, so the optimizers
 * on this model cannot drift apart; each describes the options for what it models (GP-BO results,
 * DyHPO (configuration, budget) points) and gives its own number of mutations.
 */
export function gpEiOptions(mutationCandidates: number, describe: { readonly [K in Exclude<keyof GpEiSettings, 'xi'>]: string }) {
  return {
    initialTrials: z.number().int().min(1).default(10).describe(describe.initialTrials),
    randomCandidates: z.number().int().min(0).max(OPTION_LIMITS.candidates).default(100).describe(describe.randomCandidates),
    mutationCandidates: z.number().int().min(0).max(OPTION_LIMITS.candidates).default(mutationCandidates).describe(describe.mutationCandidates),
    incumbents: z.number().int().min(1).default(5).describe(describe.incumbents),
    xi: z.number().min(0).default(0.01).describe('exploration margin of expected improvement, in standard deviations of the observed values'),
    maxTrainingPoints: z.number().int().min(2).default(200).describe(describe.maxTrainingPoints),
    refitEvery: z.number().int().min(1).default(10).describe(describe.refitEvery),
  } satisfies Record<keyof GpEiSettings, z.ZodType>;
}
