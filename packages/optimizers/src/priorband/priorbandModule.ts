import { definePlugin, type OptimizerDescriptor } from '@jahskit/core';
import { optimizerDescriptor } from '../internal/optimizerDescriptor';
import { z } from 'zod';
import { ladderOptions } from '../internal/multifidelity/ladderOptions';
import { PriorBand, type PriorBandOptions } from './PriorBand';

export const priorbandDescriptor: OptimizerDescriptor<PriorBandOptions> = optimizerDescriptor(
  'priorband',
  'PriorBand: Hyperband brackets with configurations from a mixture of the prior, uniform draws and the incumbent (Mallik et al. 2023)',
  PriorBand,
  {
    ...ladderOptions,
    prior: z
      .union([z.enum(['auto', 'space', 'default']), z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))])
      .default('auto')
      .describe(
        "the belief: 'auto' (the space's priors if it has any, else its default configuration), 'space', 'default', or a configuration (missing parameters take their defaults)",
      ),
    priorConfidence: z
      .enum(['low', 'medium', 'high'])
      .default('medium')
      .describe(
        'width of a prior centred on a configuration (sd 0.5, 0.25, 0.125 on [0, 1]; the centre choice weighs 2, 4, 6); also of the density scoring the incumbent',
      ),
    priorFirst: z
      .union([z.boolean(), z.literal('max-fidelity')])
      .default(false)
      .describe(
        "evaluate the prior's mode (the centre, or the space's default) first: true as the first configuration of the first bracket (at the lowest fidelity), 'max-fidelity' trained to the highest fidelity before the first bracket",
      ),
    mutationRate: z.number().gt(0).max(1).default(0.5).describe('incumbent draws: probability that each parameter is perturbed (at least one is)'),
    mutationStd: z.number().gt(0).max(1).default(0.25).describe('incumbent draws: standard deviation of a perturbed number on its [0, 1] encoding'),
  },
);

/** Registers PriorBand. */
export const priorbandModule = definePlugin({ optimizers: [priorbandDescriptor] });
