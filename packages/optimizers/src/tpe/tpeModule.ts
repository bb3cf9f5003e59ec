import { definePlugin, type OptimizerDescriptor } from '@jahskit/core';
import { z } from 'zod';
import { TreeParzenEstimator, type TpeOptions } from './TreeParzenEstimator';

const options = z
  .object({
    startupTrials: z.number().int().min(0).default(10).describe('random prior draws before the model is used'),
    candidates: z.number().int().min(1).default(24).describe('candidates drawn from l(x) per proposal; the best l(x)/g(x) is chosen'),
    gamma: z
      .union([z.literal('auto'), z.number().gt(0).lt(1)])
      .default('auto')
      .describe("fraction of observations that are 'good'; 'auto' = min(ceil(0.1 n), 25) observations (as Optuna)"),
    priorWeight: z.number().gt(0).default(1).describe('weight of the prior component of each univariate Parzen estimator'),
    avoidDuplicates: z.boolean().default(true).describe('never propose a configuration already asked (deterministic tabular benchmarks)'),
    multivariate: z.boolean().default(false).describe('use the BOHB multivariate product-kernel KDE instead of independent Parzen estimators'),
    bandwidthFactor: z.number().gt(0).default(3).describe('multivariate only: bandwidths are multiplied by this when sampling candidates'),
    minBandwidth: z.number().gt(0).default(1e-3).describe('multivariate only: lower bound of every KDE bandwidth'),
  })
  .strict();

export const tpeDescriptor: OptimizerDescriptor<TpeOptions> = {
  id: 'tpe',
  summary: 'TPE: Parzen estimators of good and bad configurations, proposes max l(x)/g(x) (Bergstra et al. 2011)',
  capabilities: TreeParzenEstimator.capabilities,
  options: options as never,
  create: (o, context) => new TreeParzenEstimator(o, context),
};

/** Registers TPE. */
export const tpeModule = definePlugin({ optimizers: [tpeDescriptor] });
