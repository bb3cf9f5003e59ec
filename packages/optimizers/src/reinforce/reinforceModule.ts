import { definePlugin, type OptimizerDescriptor } from '@jahskit/core';
import { z } from 'zod';
import { optimizerDescriptor } from '../internal/optimizerDescriptor';
import { Reinforce, type ReinforceOptions } from './Reinforce';

export const reinforceDescriptor: OptimizerDescriptor<ReinforceOptions> = optimizerDescriptor(
  'reinforce',
  'REINFORCE (Williams 1992) with a factorised softmax policy, moving-average baseline and Adam',
  Reinforce,
  {
    learningRate: z.number().positive().max(10).default(0.1).describe('Adam step size on the policy logits'),
    baselineDecay: z.number().min(0).max(0.999999).default(0.9).describe('momentum of the moving-average reward baseline (0: the last reward)'),
    bins: z.number().int().min(2).max(1000).default(10).describe('bins of the categorical policy over the encoded [0, 1] range of each numeric parameter'),
  },
);

/** Registers REINFORCE. */
export const reinforceModule = definePlugin({ optimizers: [reinforceDescriptor] });
