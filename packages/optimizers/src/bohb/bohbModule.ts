import { definePlugin, type OptimizerDescriptor } from '@jahskit/core';
import { optimizerDescriptor } from '../internal/optimizerDescriptor';
import { z } from 'zod';
import { ladderOptions } from '../internal/multifidelity/ladderOptions';
import { Bohb, type BohbOptions } from './Bohb';
import { OPTION_LIMITS } from '../internal/optionLimits';

export const bohbDescriptor: OptimizerDescriptor<BohbOptions> = optimizerDescriptor(
  'bohb',
  'BOHB: Hyperband brackets with configurations from a multivariate KDE model (Falkner et al. 2018)',
  Bohb,
  {
    ...ladderOptions,
    randomFraction: z
      .number()
      .min(0)
      .max(1)
      .default(1 / 3)
      .describe('fraction of new configurations drawn from the prior instead of the model'),
    topNPercent: z.number().gt(0).lt(100).default(15).describe("percentage of a budget's observations that form the good density l(x)"),
    numSamples: z.number().int().min(1).max(OPTION_LIMITS.candidates).default(64).describe('candidates drawn from l(x) per proposal'),
    bandwidthFactor: z.number().gt(0).default(3).describe('KDE bandwidths are multiplied by this when drawing candidates'),
    minBandwidth: z.number().gt(0).default(1e-3).describe('lower bound of every KDE bandwidth'),
    minPointsInModel: z.number().int().min(1).nullable().default(null).describe('observations a model needs per density; null: d + 1'),
  },
);

/** Registers BOHB. */
export const bohbModule = definePlugin({ optimizers: [bohbDescriptor] });
