import { definePlugin, type OptimizerDescriptor } from '@jahskit/core';
import { z } from 'zod';
import { parzenOptions } from '../internal/kde/parzenOptions';
import { ladderOptions } from '../internal/multifidelity/ladderOptions';
import { MoBohb, type MoBohbOptions } from './MoBohb';

const options = z
  .object({
    ...ladderOptions,
    randomFraction: z
      .number()
      .min(0)
      .max(1)
      .default(1 / 6)
      .describe('fraction of new configurations drawn from the prior instead of the model'),
    minPoints: z.number().int().min(2).nullable().default(null).describe('results a budget needs before its model is used; null: number of parameters + 2'),
    ...parzenOptions,
  })
  .strict();

export const mobohbDescriptor: OptimizerDescriptor<MoBohbOptions> = {
  id: 'mobohb',
  summary: 'MO-BOHB (Guerrero-Viu et al. 2021): Hyperband with MOTPE sampling and Pareto/hypervolume promotion',
  capabilities: MoBohb.capabilities,
  options: options as never,
  create: (opts, context) => new MoBohb(opts, context),
};

/** Registers MO-BOHB. */
export const mobohbModule = definePlugin({ optimizers: [mobohbDescriptor] });
