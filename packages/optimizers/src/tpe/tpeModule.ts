import { definePlugin, type OptimizerDescriptor } from '@jahskit/core';
import { optimizerDescriptor } from '../internal/optimizerDescriptor';
import { z } from 'zod';
import { parzenOptions, startupTrialsOption } from '../internal/kde/parzenOptions';
import { TreeParzenEstimator, type TpeOptions } from './TreeParzenEstimator';

export const tpeDescriptor: OptimizerDescriptor<TpeOptions> = optimizerDescriptor(
  'tpe',
  'TPE: Parzen estimators of good and bad configurations, proposes max l(x)/g(x) (Bergstra et al. 2011)',
  TreeParzenEstimator,
  {
    startupTrials: startupTrialsOption,
    ...parzenOptions,
    avoidDuplicates: z.boolean().default(true).describe('never propose a configuration already asked (deterministic tabular benchmarks)'),
    multivariate: z.boolean().default(false).describe('use the BOHB multivariate product-kernel KDE instead of independent Parzen estimators'),
    bandwidthFactor: z.number().gt(0).default(3).describe('multivariate only: bandwidths are multiplied by this when sampling candidates'),
    minBandwidth: z.number().gt(0).default(1e-3).describe('multivariate only: lower bound of every KDE bandwidth'),
    prior: z
      .union([z.boolean(), z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))])
      .default(false)
      .describe(
        "true: the space's priors; a configuration: a belief centred on it (missing parameters take their defaults); start-up draws from the prior and piBO weighting (10/n) log pi(x) of the density ratio",
      ),
    priorConfidence: z
      .enum(['low', 'medium', 'high'])
      .default('medium')
      .describe('width of a prior centred on a configuration (sd 0.5, 0.25, 0.125 on [0, 1]; the centre choice weighs 2, 4, 6), as priorband'),
  },
);

/** Registers TPE. */
export const tpeModule = definePlugin({ optimizers: [tpeDescriptor] });
