import { definePlugin, type OptimizerDescriptor } from '@jahskit/core';
import { z } from 'zod';
import { gpEiOptions } from '../internal/acquisition/gpEiOptions';
import { ladderOptions } from '../internal/multifidelity/ladderOptions';
import { optimizerDescriptor } from '../internal/optimizerDescriptor';
import { Dyhpo, type DyhpoOptions } from './Dyhpo';

export const dyhpoDescriptor: OptimizerDescriptor<DyhpoOptions> = optimizerDescriptor(
  'dyhpo',
  'DyHPO (Wistuba et al. 2022): a GP over (configuration, budget) picks which configuration to train one rung further, by EI at its next budget',
  Dyhpo,
  {
    ...ladderOptions,
    ...gpEiOptions(50, {
      initialTrials: 'random configurations at the lowest rung before the Gaussian process is used',
      randomCandidates: 'prior samples scored as new configurations at the lowest rung on each proposal',
      mutationCandidates: 'one-parameter mutations of the incumbents scored as new configurations on each proposal',
      incumbents: 'how many of the configurations with the best latest results are mutated',
      maxTrainingPoints: 'observed (configuration, budget) points in the model at most: the best half plus the most recent',
      refitEvery: 'hyperparameters are re-fitted by maximum marginal likelihood after this many new points (or 10% of all points, if more)',
    }),
    learningCurve: z
      .boolean()
      .default(true)
      .describe("the model also sees the configuration's learning curve so far: where its result at the rung below stands among that rung's results"),
    rungNormalised: z
      .boolean()
      .default(true)
      .describe(
        "results are modelled and compared in units of their rung's spread (median and interquartile range), so every rung's expected improvement is on one scale",
      ),
  },
);

/** Registers DyHPO. */
export const dyhpoModule = definePlugin({ optimizers: [dyhpoDescriptor] });
