import { definePlugin, type OptimizerDescriptor } from '@jahskit/core';
import { z } from 'zod';
import { Reinforce, type ReinforceOptions } from './Reinforce';

const options = z
  .object({
    learningRate: z.number().positive().max(10).default(0.1).describe('Adam step size on the policy logits'),
    baselineDecay: z.number().min(0).max(0.999999).default(0.9).describe('momentum of the moving-average reward baseline (0: the last reward)'),
    bins: z.number().int().min(2).max(1000).default(10).describe('bins of the categorical policy over the encoded [0, 1] range of each numeric parameter'),
  })
  .strict();

export const reinforceDescriptor: OptimizerDescriptor<ReinforceOptions> = {
  id: 'reinforce',
  summary: 'REINFORCE (Williams 1992) with a factorised softmax policy, moving-average baseline and Adam',
  capabilities: Reinforce.capabilities,
  options,
  create: (opts, context) => new Reinforce(opts, context),
};

/** Registers REINFORCE. */
export const reinforceModule = definePlugin({ optimizers: [reinforceDescriptor] });
