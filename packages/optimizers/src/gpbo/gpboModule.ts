import { definePlugin, type OptimizerDescriptor } from '@jahskit/core';
import { gpEiOptions } from '../internal/acquisition/gpEiOptions';
import { optimizerDescriptor } from '../internal/optimizerDescriptor';
import { Gpbo, type GpboOptions } from './Gpbo';

export const gpboDescriptor: OptimizerDescriptor<GpboOptions> = optimizerDescriptor(
  'gpbo',
  'Gaussian-process BO (Snoek et al. 2012): Matérn-5/2 ARD, marginal-likelihood fit, expected improvement over mutations + samples',
  Gpbo,
  gpEiOptions(150, {
    initialTrials: 'prior samples before the Gaussian process is used',
    randomCandidates: 'prior samples in each pool over which expected improvement is maximised',
    mutationCandidates: 'one-parameter mutations of the incumbents in each acquisition pool',
    incumbents: 'how many of the best results are mutated for the acquisition pool',
    maxTrainingPoints: 'results in the model at most: the best half plus the most recent (bounds the O(n^3) cost)',
    refitEvery: 'hyperparameters are re-fitted by maximum marginal likelihood after this many new results (or 10% of all results, if more)',
  }),
);

/** Registers GP-BO. */
export const gpboModule = definePlugin({ optimizers: [gpboDescriptor] });
