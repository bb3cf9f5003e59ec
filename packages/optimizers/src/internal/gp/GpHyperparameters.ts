import { z } from 'zod';

/**
 * Hyperparameters of {@link GaussianProcess}, all on the log scale (the scale they are optimised on).
 * JSON-safe, so optimizers can keep them in their saved state to warm-start the next fit.
 */
export interface GpHyperparameters {
  /** ln of the length scale of each column group (ARD; see `GaussianProcessOptions.groups`). */
  readonly logLengthScales: readonly number[];
  /** ln of the signal variance (targets are standardised, so about 0). */
  readonly logSignalVariance: number;
  /** ln of the Gaussian noise variance (standardised units). */
  readonly logNoiseVariance: number;
}

/** Box bounds of the log marginal likelihood search; they keep the fit away from degenerate optima. */
export const GP_BOUNDS = {
  logLengthScale: [Math.log(0.01), Math.log(50)],
  logSignalVariance: [Math.log(0.05), Math.log(20)],
  logNoiseVariance: [Math.log(1e-6), Math.log(1)],
} as const;

/**
 * The default start of the hyperparameter search: length scale 0.5 * sqrt(columns in the group)
 * (a one-hot group's distance is sqrt 2 between any two choices, a numeric column's at most 1),
 * signal variance 1, noise variance 1e-3.
 */
export function defaultGpHyperparameters(groupWidths: ArrayLike<number>): GpHyperparameters {
  return {
    logLengthScales: Array.from({ length: groupWidths.length }, (_, g) => Math.log(0.5 * Math.sqrt(Math.max(1, groupWidths[g] as number)))),
    logSignalVariance: 0,
    logNoiseVariance: Math.log(1e-3),
  };
}

/** {@link GpHyperparameters} in a saved state. */
export const gpHyperparametersSchema = z.object({
  logLengthScales: z.array(z.number()).min(1),
  logSignalVariance: z.number(),
  logNoiseVariance: z.number(),
});
