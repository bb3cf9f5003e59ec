import { definePlugin, type OptimizerDescriptor } from '@jahskit/core';
import { optimizerDescriptor } from '../internal/optimizerDescriptor';
import { z } from 'zod';
import { ParEgo, type ParEgoOptions } from './ParEgo';
import { gpMoOptions } from '../internal/mo/gpMoOptions';

export const paregoDescriptor: OptimizerDescriptor<ParEgoOptions> = optimizerDescriptor(
  'parego',
  'ParEGO (Knowles 2006): random augmented-Chebyshev scalarisations, GP expected improvement',
  ParEgo,
  {
    ...gpMoOptions(
      { randomCandidates: 300, mutationCandidates: 100 },
      {
        startupTrials: 'random prior draws before the model is used',
        maxModelPoints: 'the GP is fitted on at most this many results (the best by the scalarised value)',
        randomCandidates: 'prior draws scored by expected improvement per proposal',
        mutationCandidates: 'one-parameter mutations of the best scalarised results scored per proposal',
      },
    ),
    rho: z.number().min(0).default(0.05).describe('weight of the sum term of the augmented Chebyshev scalarisation'),
    weights: z.enum(['lattice', 'dirichlet']).default('lattice').describe('weight vectors: uniformly from a simplex lattice (the paper) or a flat Dirichlet'),
    latticeSize: z
      .number()
      .int()
      .min(1)
      .nullable()
      .default(null)
      .describe('lattice divisions s (weights are multiples of 1/s); null: 10 for two objectives, 4 for three, 3 above'),
  },
);

/** Registers ParEGO. */
export const paregoModule = definePlugin({ optimizers: [paregoDescriptor] });
