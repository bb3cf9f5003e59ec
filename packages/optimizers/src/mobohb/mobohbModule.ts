import { definePlugin, type OptimizerDescriptor } from '@jahskit/core';
import { optimizerDescriptor } from '../internal/optimizerDescriptor';
import { z } from 'zod';
import { parzenOptions } from '../internal/kde/parzenOptions';
import { ladderOptions } from '../internal/multifidelity/ladderOptions';
import { MoBohb, type MoBohbOptions } from './MoBohb';

export const mobohbDescriptor: OptimizerDescriptor<MoBohbOptions> = optimizerDescriptor(
  'mobohb',
  'MO-BOHB (Guerrero-Viu et al. 2021): Hyperband with MOTPE sampling and Pareto/hypervolume promotion',
  MoBohb,
  {
    ...ladderOptions,
    randomFraction: z
      .number()
      .min(0)
      .max(1)
      .default(1 / 6)
      .describe('fraction of new configurations drawn from the prior instead of the model'),
    minPoints: z.number().int().min(2).nullable().default(null).describe('results a budget needs before its model is used; null: number of parameters + 2'),
    ...parzenOptions,
  },
);

/** Registers MO-BOHB. */
export const mobohbModule = definePlugin({ optimizers: [mobohbDescriptor] });
